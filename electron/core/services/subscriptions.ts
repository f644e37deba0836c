// The renderer's live subscriptions, by id and by client (a window, or a browser tab's socket), so
// that a client that goes away stops its streams. Re-made on the new connection when a context's
// kubeconfig entry changes; ended with a final status when the context disappears.
import { randomUUID } from 'node:crypto';
import type { Subscription } from '../../api/types';
import { PortolanError } from '../../api/portolan-error';
import type { ConnectionManager } from '../clusters/connection-manager';
import type { CoreEvents } from '../core-events';
import type { WatchHub } from '../watch/watch-hub';
import { ServiceSubscription } from './service-subscription';

interface Entry {
  clientId: string;
  context: string;
  namespace: string | null;
  live: ServiceSubscription;
}

export class SubscriptionManager {
  private readonly entries = new Map<string, Entry>();
  private readonly connections: ConnectionManager;
  private readonly hub: WatchHub;
  private readonly events: CoreEvents;
  private readonly batchMs: number | undefined;

  constructor(connections: ConnectionManager, hub: WatchHub, events: CoreEvents, batchMs?: number) {
    this.connections = connections;
    this.hub = hub;
    this.events = events;
    this.batchMs = batchMs;
  }

  watchServices(clientId: string, context: string, namespace: string | null): Subscription {
    const subscriptionId = randomUUID();
    this.entries.set(subscriptionId, { clientId, context, namespace, live: this.open(subscriptionId, clientId, context, namespace) });
    return { subscriptionId };
  }

  unwatch(subscriptionId: string): void {
    const entry = this.entries.get(subscriptionId);
    if (!entry) throw new PortolanError('not-found', `no subscription ${subscriptionId}`);
    entry.live.close();
    this.entries.delete(subscriptionId);
  }

  releaseClient(clientId: string): void {
    for (const [id, entry] of this.entries) if (entry.clientId === clientId) this.unwatch(id);
  }

  /** The context's connection was replaced: follow the new one with the same subscription ids. */
  contextReplaced(context: string): void {
    this.hub.dropContext(context);
    for (const [id, entry] of this.entries) {
      if (entry.context !== context) continue;
      entry.live.close();
      entry.live = this.open(id, entry.clientId, entry.context, entry.namespace);
    }
  }

  /** The context is gone or disconnected: end its subscriptions with a last status that says so. */
  contextClosed(context: string, reason: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.context !== context) continue;
      entry.live.close();
      this.entries.delete(id);
      this.events.emit('watchStatus', {
        clientId: entry.clientId, subscriptionId: id, context, namespace: entry.namespace,
        phase: 'stopped', synced: false, stale: true, error: { kind: 'closed', message: reason }, retryAt: null,
      });
    }
    this.hub.dropContext(context);
  }

  closeAll(): void {
    for (const entry of this.entries.values()) entry.live.close();
    this.entries.clear();
  }

  count(): number {
    return this.entries.size;
  }

  private open(subscriptionId: string, clientId: string, context: string, namespace: string | null): ServiceSubscription {
    const connection = this.connections.connection(context);
    return new ServiceSubscription(this.hub, connection.client, {
      clientId, subscriptionId, context, namespace, ...(this.batchMs === undefined ? {} : { batchMs: this.batchMs }),
      onBatch: (batch) => this.events.emit('serviceRows', batch),
      onStatus: (status) => this.events.emit('watchStatus', status),
    });
  }
}
