// The lists a page asks for first, started before it asks. As the app starts and whenever a page
// loads, core opens the row streams of the remembered selection and holds them: their first lists
// page in while the page's script loads and renders its shell (about half a second on the bench),
// instead of after it. The page's subscription to a scope shares its stream (the hub runs one per
// cluster, resource and scope) and takes the hold over; a scope nobody subscribes to is let go
// after `holdMs`. A head start, not a cache: once handed over or let go, nothing is held. Only the
// row streams are held: a subscription starts its join (a Service's EndpointSlices) itself, once
// they have listed.
import { scopeKey, type Scope } from '../../api/list-scopes';
import type { RowKind } from '../../api/types';
import type { KubeClient } from '../kube/kube-client';
import type { KubeObject } from '../watch/resource-ref';
import type { WatchHub, WatchLease } from '../watch/watch-hub';
import type { RowDescriptor } from './row-descriptor';

export interface PrefetchScope extends Scope {
  /** The context's connection's client (core opens the connection; an unusable context has none and is left out). */
  client: KubeClient;
}

interface Hold {
  leases: Array<WatchLease<KubeObject>>;
  timer: NodeJS.Timeout;
}

export class RowPrefetch<K extends RowKind> {
  private readonly hub: WatchHub;
  private readonly descriptor: RowDescriptor<K>;
  private readonly holdMs: number;
  private readonly holds = new Map<string, Hold>();

  constructor(hub: WatchHub, descriptor: RowDescriptor<K>, holdMs: number) {
    this.hub = hub;
    this.descriptor = descriptor;
    this.holdMs = holdMs;
  }

  /** Opens (or joins) the streams of the descriptor's sources in each scope, held for `holdMs` from now. */
  hold(scopes: PrefetchScope[]): void {
    for (const { context, namespace, client } of scopes) {
      const key = scopeKey({ context, namespace });
      const leases = this.descriptor.sources.map((source) =>
        this.hub.acquire<KubeObject>(context, client, { group: source.group, version: source.version, plural: source.plural, namespace }, { rows: true }));
      // A scope held already is held anew (the new leases first: its streams keep running).
      this.release(key);
      const timer = setTimeout(() => this.release(key), this.holdMs);
      timer.unref();
      this.holds.set(key, { leases, timer });
    }
  }

  /** A subscription of `kind` to the scope exists now (and shares its streams): the hold of that kind ends. */
  handOver(kind: RowKind, context: string, namespace: string | null): void {
    if (kind === this.descriptor.kind) this.release(scopeKey({ context, namespace }));
  }

  close(): void {
    for (const key of [...this.holds.keys()]) this.release(key);
  }

  private release(key: string): void {
    const hold = this.holds.get(key);
    if (!hold) return;
    clearTimeout(hold.timer);
    this.holds.delete(key);
    for (const lease of hold.leases) lease.release();
  }
}
