// One subscriber's view of the Services in a (cluster, namespace scope): the shared Service and
// EndpointSlice streams joined into slim rows, sent as deltas instead of the whole list on every
// event. Batching adapts to load: a change after a quiet spell goes out at once (on the next turn of
// the event loop, with whatever arrived in the same read); while changes keep coming, they are
// coalesced into at most one batch per interval.
import type { ServiceRowsBatch, WatchStatus } from '../../api/types';
import type { KubeClient } from '../kube/kube-client';
import type { WatchHub, WatchLease } from '../watch/watch-hub';
import type { WatchDelta, WatchState } from '../watch/resource-watch';
import { SERVICE_NAME_LABEL, toServiceRow, type EndpointSliceObject, type ServiceObject } from './service-row';

export interface ServiceSubscriptionOptions {
  clientId: string;
  subscriptionId: string;
  context: string;
  namespace: string | null;
  /** While a flood lasts, at most one batch per this many ms (25 unless set). */
  batchMs?: number;
  /**
   * At most this many rows per batch (250, about 120 KB, unless set): more follow at once, each its
   * own message, so the page applies a big list in slices short enough to stay responsive.
   */
  maxBatchRows?: number;
  onBatch(batch: ServiceRowsBatch): void;
  onStatus(status: WatchStatus): void;
}

const key = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;

export class ServiceSubscription {
  private readonly options: ServiceSubscriptionOptions;
  private readonly services: WatchLease<ServiceObject>;
  private readonly slices: WatchLease<EndpointSliceObject>;
  /** service key → uids of its EndpointSlices */
  private readonly slicesByService = new Map<string, Set<string>>();
  /** service key → uid of the Service (for slice changes) */
  private readonly serviceUidByKey = new Map<string, string>();
  /** uids whose row may have changed (the Service or its EndpointSlices) */
  private readonly changed = new Set<string>();
  /** uids whose Service itself changed (their row is sent whatever its endpoints) */
  private readonly servicesChanged = new Set<string>();
  /** uid → the endpoint counts last sent, so a slice change that leaves them as they were sends nothing */
  private readonly sentEndpoints = new Map<string, string>();
  private readonly deleted = new Set<string>();
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private lastFlush = -Infinity;
  private readonly stops: Array<() => void> = [];
  private closed = false;

  constructor(hub: WatchHub, client: KubeClient, options: ServiceSubscriptionOptions) {
    this.options = options;
    const namespace = options.namespace;
    this.services = hub.acquire<ServiceObject>(options.context, client, { group: '', version: 'v1', plural: 'services', namespace });
    this.slices = hub.acquire<EndpointSliceObject>(options.context, client, { group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices', namespace });
    for (const slice of this.slices.watch.items.values()) this.indexSlice(slice, true);
    for (const service of this.services.watch.items.values()) this.touchService(service);
    this.stops.push(
      this.services.watch.onDelta((d) => this.onServices(d)),
      this.slices.watch.onDelta((d) => this.onSlices(d)),
      this.services.watch.onState(() => this.publishStatus()),
      this.slices.watch.onState(() => this.publishStatus()),
    );
    this.schedule();
    this.publishStatus();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelTimer();
    this.stops.forEach((stop) => stop());
    this.services.release();
    this.slices.release();
  }

  /** The Services' stream decides the status; the slices' only add an error when they fail. */
  status(): WatchStatus {
    const s: WatchState = this.services.watch.state;
    const e: WatchState = this.slices.watch.state;
    return {
      clientId: this.options.clientId,
      subscriptionId: this.options.subscriptionId,
      context: this.options.context,
      namespace: this.options.namespace,
      phase: s.phase,
      synced: s.synced,
      stale: s.synced && s.phase !== 'watching' && s.phase !== 'listing',
      error: s.error ?? e.error,
      retryAt: s.retryAt,
    };
  }

  private publishStatus(): void {
    if (!this.closed) this.options.onStatus(this.status());
  }

  private touchService(service: ServiceObject): void {
    const k = key(service.metadata.namespace, service.metadata.name);
    this.serviceUidByKey.set(k, service.metadata.uid);
    this.changed.add(service.metadata.uid);
    this.servicesChanged.add(service.metadata.uid);
    this.deleted.delete(service.metadata.uid);
  }

  private onServices(delta: WatchDelta<ServiceObject>): void {
    for (const service of [...delta.added, ...delta.modified]) this.touchService(service);
    for (const service of delta.deleted) {
      this.serviceUidByKey.delete(key(service.metadata.namespace, service.metadata.name));
      this.changed.delete(service.metadata.uid);
      this.servicesChanged.delete(service.metadata.uid);
      this.sentEndpoints.delete(service.metadata.uid);
      this.deleted.add(service.metadata.uid);
    }
    this.schedule();
  }

  /** Index a slice under its Service; true when the Service's row should be recomputed. */
  private indexSlice(slice: EndpointSliceObject, present: boolean): string | null {
    const serviceName = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!serviceName) return null;
    const k = key(slice.metadata.namespace, serviceName);
    const set = this.slicesByService.get(k) ?? new Set<string>();
    if (present) set.add(slice.metadata.uid);
    else set.delete(slice.metadata.uid);
    if (set.size > 0) this.slicesByService.set(k, set);
    else this.slicesByService.delete(k);
    return k;
  }

  private onSlices(delta: WatchDelta<EndpointSliceObject>): void {
    const touched = new Set<string>();
    for (const slice of [...delta.added, ...delta.modified]) {
      const k = this.indexSlice(slice, true);
      if (k) touched.add(k);
    }
    for (const slice of delta.deleted) {
      const k = this.indexSlice(slice, false);
      if (k) touched.add(k);
    }
    for (const k of touched) {
      const uid = this.serviceUidByKey.get(k);
      if (uid) this.changed.add(uid);
    }
    if (touched.size > 0) this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    const wait = this.lastFlush + (this.options.batchMs ?? 25) - performance.now();
    this.timer = wait <= 0 ? setImmediate(() => this.flush()) : setTimeout(() => this.flush(), wait);
  }

  private cancelTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = null;
  }

  private flush(): void {
    this.timer = null;
    this.lastFlush = performance.now();
    if (this.closed || (this.changed.size === 0 && this.deleted.size === 0)) return;
    const upserted = [];
    // A bounded message: the rest follows at once, in order, so neither side holds one huge message
    // and the renderer can paint in between.
    const limit = this.options.maxBatchRows ?? 250;
    const taken: string[] = [];
    for (const uid of this.changed) {
      if (taken.length >= limit) break;
      taken.push(uid);
    }
    for (const uid of taken) {
      const service = this.services.watch.items.get(uid);
      if (!service) continue;
      const sliceUids = this.slicesByService.get(key(service.metadata.namespace, service.metadata.name)) ?? new Set<string>();
      const slices = [...sliceUids].flatMap((u) => {
        const slice = this.slices.watch.items.get(u);
        return slice ? [slice] : [];
      });
      const row = toServiceRow(this.options.context, service, slices);
      const endpoints = row.endpoints ? `${row.endpoints.ready}/${row.endpoints.total}` : '-';
      // Only slices changed and the counts the row shows did not (a list of slices arriving after
      // the Services, pods coming and going at the same readiness): nothing to send.
      if (!this.servicesChanged.has(uid) && this.sentEndpoints.get(uid) === endpoints) continue;
      this.sentEndpoints.set(uid, endpoints);
      upserted.push(row);
    }
    const batch: ServiceRowsBatch = {
      clientId: this.options.clientId,
      subscriptionId: this.options.subscriptionId,
      context: this.options.context,
      namespace: this.options.namespace,
      upserted,
      deleted: [...this.deleted],
    };
    for (const uid of taken) {
      this.changed.delete(uid);
      this.servicesChanged.delete(uid);
    }
    this.deleted.clear();
    if (upserted.length > 0 || batch.deleted.length > 0) this.options.onBatch(batch);
    if (this.changed.size > 0) this.timer = setImmediate(() => this.flush());
  }
}
