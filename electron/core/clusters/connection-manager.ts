// One connection per context, opened on demand, several at once. Follows the kubeconfig: a context
// whose cluster or user entry changed is reconnected, a removed one is closed. A context that cannot
// even be turned into a client (missing cluster, unreadable certificate file, …) gets a config-error
// status and never affects the others.
import type { ConnectionStatus, Explanation, NamespaceList, ServicePermissions } from '../../api/types';
import { PortolanError } from '../../api/portolan-error';
import type { CoreEvents } from '../core-events';
import { contextClientConfig, type PluginTrust } from '../kubeconfig/context-kubeconfig';
import type { KubeconfigStore } from '../kubeconfig/kubeconfig-store';
import { nextRevision } from '../revision';
import { ClusterConnection, type ClusterConnectionOptions } from './cluster-connection';
import { KubeClient } from '../kube/kube-client';

/** What else must follow a context's connection (the subscriptions on it). */
export interface ConnectionFollower {
  contextReplaced(context: string): void;
  contextClosed(context: string, reason: string): void;
}

interface Slot {
  fingerprint: string;
  connection: ClusterConnection | null;
  /** The status to report when there is no connection (config errors). */
  status: ConnectionStatus;
}

export class ConnectionManager {
  private readonly slots = new Map<string, Slot>();
  private readonly store: KubeconfigStore;
  private readonly events: CoreEvents;
  private readonly options: ClusterConnectionOptions;
  private follower: ConnectionFollower | null = null;

  private readonly trust: PluginTrust;

  constructor(store: KubeconfigStore, events: CoreEvents, options: ClusterConnectionOptions = {}, trust: PluginTrust = () => true) {
    this.store = store;
    this.events = events;
    this.options = options;
    this.trust = trust;
  }

  follow(follower: ConnectionFollower): void {
    this.follower = follower;
  }

  /** Something else (a watch) failed on this context: the connection checks its health now. */
  suspect(context: string): void {
    this.slots.get(context)?.connection?.checkNow();
  }

  /** Opens the context's connection if it is not open; a failed one is retried at once. */
  connect(context: string): ConnectionStatus {
    const existing = this.slots.get(context);
    if (existing) {
      existing.connection?.retryNow();
      return this.statusOf(existing);
    }
    return this.statusOf(this.open(context));
  }

  async disconnect(context: string): Promise<void> {
    const slot = this.slots.get(context);
    if (!slot) return;
    this.slots.delete(context);
    this.follower?.contextClosed(context, `${context} was disconnected`);
    await slot.connection?.close();
    this.events.emit('connectionChanged', { ...this.statusOf(slot), revision: nextRevision(), state: 'idle', problem: null, retryAt: null });
  }

  statuses(): ConnectionStatus[] {
    return [...this.slots.values()].map((slot) => this.statusOf(slot));
  }

  connection(context: string): ClusterConnection {
    const connection = this.slots.get(context)?.connection;
    if (!connection) throw new PortolanError('not-connected', `context "${context}" is not connected; connect it first`);
    return connection;
  }

  /**
   * The context's connection, opened now when it is not open (applying a draft to a context nobody
   * selected); for a context that cannot be used, why not.
   */
  connectionFor(context: string): { ok: true; connection: ClusterConnection } | { ok: false; problem: Explanation } {
    const slot = this.slots.get(context) ?? this.open(context);
    if (slot.connection) return { ok: true, connection: slot.connection };
    return { ok: false, problem: slot.status.problem ?? { code: 'server.said', params: { detail: `context "${context}" cannot be used` } } };
  }

  namespaces(context: string): NamespaceList {
    return this.connection(context).namespaces();
  }

  addNamespaces(context: string, names: string[]): NamespaceList {
    return this.connection(context).addNamespaces(names);
  }

  servicePermissions(context: string, namespace: string | null): Promise<ServicePermissions> {
    return this.connection(context).servicePermissions(namespace);
  }

  /** Called when the kubeconfig changed: reconnect changed contexts, close removed ones. */
  async kubeconfigChanged(): Promise<void> {
    await Promise.all([...this.slots.entries()].map(async ([name, slot]) => {
      const fingerprint = this.fingerprint(name);
      if (fingerprint === slot.fingerprint) return;
      this.slots.delete(name);
      await slot.connection?.close();
      if (fingerprint === null) {
        this.follower?.contextClosed(name, `the context "${name}" was removed from the kubeconfig`);
        this.events.emit('connectionChanged', { ...this.statusOf(slot), revision: nextRevision(), state: 'idle', problem: null, retryAt: null });
      } else {
        const reopened = this.open(name);
        if (reopened.connection) this.follower?.contextReplaced(name);
        else this.follower?.contextClosed(name, `the context "${name}" cannot be used as written`);
      }
    }));
  }

  async closeAll(): Promise<void> {
    const slots = [...this.slots.values()];
    this.slots.clear();
    await Promise.all(slots.map((slot) => slot.connection?.close()));
  }

  private statusOf(slot: Slot): ConnectionStatus {
    return slot.connection?.status ?? slot.status;
  }

  private fingerprint(context: string): string | null {
    const merged = this.store.merged;
    const entry = merged.contexts.get(context);
    if (!entry) return null;
    const cluster = merged.clusters.get(String(entry.value.cluster ?? ''));
    const user = merged.users.get(String(entry.value.user ?? ''));
    return JSON.stringify([entry.value, cluster?.value ?? null, cluster?.source, user?.value ?? null, user?.source]);
  }

  private open(context: string): Slot {
    const summary = this.store.contextList().contexts.find((c) => c.name === context);
    if (!summary) throw new PortolanError('invalid-input', `there is no context named "${context}" in the kubeconfig`);
    const fingerprint = this.fingerprint(context) ?? '';
    const failed = (problem: Explanation): Slot => {
      const slot: Slot = {
        fingerprint,
        connection: null,
        status: { context, revision: nextRevision(), state: 'config-error', serverVersion: null, rttMs: null, identity: null, problem, retryAt: null },
      };
      this.slots.set(context, slot);
      this.events.emit('connectionChanged', slot.status);
      return slot;
    };
    if (summary.problem) return failed(summary.problem);
    let client: KubeClient;
    try {
      const config = contextClientConfig(this.store.merged, context, this.trust);
      client = new KubeClient(config.kubeConfig, config.extraAuthorization, config.compression);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return failed({ code: 'context.unusable', params: { context: summary.name, source: summary.source, detail } });
    }
    const connection = new ClusterConnection(summary, client, this.options);
    const slot: Slot = { fingerprint, connection, status: connection.status };
    this.slots.set(context, slot);
    connection.onStatus((status) => this.events.emit('connectionChanged', status));
    connection.onNamespaces((list) => this.events.emit('namespacesChanged', list));
    connection.start();
    return slot;
  }
}
