// The renderer's live subscriptions, by id and by client (a window, or a browser tab's socket), so
// that a client that goes away stops its streams. Re-made on the new connection when a context's
// kubeconfig entry changes; ended with a final status when the context disappears.
import { randomUUID } from 'node:crypto';
import type { RowKind, Subscription } from '../../api/types';
import { PortolanError } from '../../api/portolan-error';
import type { ConnectionManager } from '../clusters/connection-manager';
import type { CoreEvents } from '../core-events';
import type { WatchHub } from '../watch/watch-hub';
import type { KubeClient } from '../kube/kube-client';
import { OpenableUrls } from './service-addresses';
import { ServiceDetailSubscription } from './service-detail-subscription';
import { RowSubscription } from '../rows/row-subscription';
import { ROW_KINDS } from './row-kinds';

interface Entry {
  clientId: string;
  context: string;
  namespace: string | null;
  /** Makes the live subscription on a context's (current) client. */
  open(client: KubeClient): { close(): void };
  live: { close(): void };
}

export class SubscriptionManager {
  private readonly entries = new Map<string, Entry>();
  private readonly connections: ConnectionManager;
  private readonly hub: WatchHub;
  private readonly events: CoreEvents;
  private readonly batchMs: number | undefined;
  /** The addresses open detail views show: what the desktop app may open in the system browser. */
  readonly openable = new OpenableUrls();

  constructor(connections: ConnectionManager, hub: WatchHub, events: CoreEvents, batchMs?: number) {
    this.connections = connections;
    this.hub = hub;
    this.events = events;
    this.batchMs = batchMs;
  }

  /** `id`: the subscription's id as the caller chose it (so it can route events that overtake the answer). */
  watchRows(clientId: string, kind: RowKind, context: string, namespace: string | null, id?: string): Subscription {
    return this.add(clientId, id, context, namespace, (subscriptionId) => (client) =>
      new RowSubscription<RowKind>(this.hub, client, ROW_KINDS[kind], {
        clientId, subscriptionId, context, namespace, ...(this.batchMs === undefined ? {} : { batchMs: this.batchMs }),
        onBatch: (batch) => this.events.emitTo(clientId, 'rows', batch),
        onStatus: (status) => this.events.emitTo(clientId, 'watchStatus', status),
      }));
  }

  watchServiceDetail(clientId: string, context: string, namespace: string, name: string, id?: string): Subscription {
    return this.add(clientId, id, context, namespace, (subscriptionId) => (client) =>
      new ServiceDetailSubscription(this.hub, client, { clientId, subscriptionId, context, namespace, name },
        (detail) => {
          this.openable.set(subscriptionId, detail.addresses);
          this.events.emitTo(clientId, 'serviceDetail', detail);
        }, this.batchMs));
  }

  private add(clientId: string, id: string | undefined, context: string, namespace: string | null,
    make: (subscriptionId: string) => (client: KubeClient) => { close(): void }): Subscription {
    if (id !== undefined && this.entries.has(id)) throw new PortolanError('invalid-input', `subscription ${id} exists already`);
    const subscriptionId = id ?? randomUUID();
    const open = make(subscriptionId);
    const live = open(this.connections.connection(context).client);
    this.entries.set(subscriptionId, { clientId, context, namespace, open, live });
    return { subscriptionId };
  }

  unwatch(subscriptionId: string): void {
    const entry = this.entries.get(subscriptionId);
    if (!entry) throw new PortolanError('not-found', `no subscription ${subscriptionId}`);
    entry.live.close();
    this.entries.delete(subscriptionId);
    this.openable.forget(subscriptionId);
  }

  /**
   * The client went away (a closed tab, or a page away longer than its grace period): its
   * subscriptions end, each with a last status addressed to it, so a page that comes back knows to
   * subscribe again instead of waiting on streams that no longer run.
   */
  releaseClient(clientId: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.clientId !== clientId) continue;
      this.unwatch(id);
      this.events.emitTo(clientId, 'watchStatus', {
        clientId, subscriptionId: id, context: entry.context, namespace: entry.namespace, phase: 'stopped', synced: false, stale: true,
        error: { kind: 'released', message: 'this page was away longer than Portolan keeps its live lists; subscribe again' }, retryAt: null,
      });
    }
  }

  /** The context's connection was replaced: follow the new one with the same subscription ids. */
  contextReplaced(context: string): void {
    this.hub.dropContext(context);
    for (const entry of this.entries.values()) {
      if (entry.context !== context) continue;
      entry.live.close();
      entry.live = entry.open(this.connections.connection(context).client);
    }
  }

  /** The context is gone or disconnected: end its subscriptions with a last status that says so. */
  contextClosed(context: string, reason: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.context !== context) continue;
      entry.live.close();
      this.entries.delete(id);
      this.openable.forget(id);
      this.events.emitTo(entry.clientId, 'watchStatus', {
        clientId: entry.clientId, subscriptionId: id, context, namespace: entry.namespace,
        phase: 'stopped', synced: false, stale: true, error: { kind: 'closed', message: reason }, retryAt: null,
      });
    }
    this.hub.dropContext(context);
  }

  closeAll(): void {
    for (const [id, entry] of this.entries) {
      entry.live.close();
      this.openable.forget(id);
    }
    this.entries.clear();
  }

  count(): number {
    return this.entries.size;
  }
}
