// The detail view's live Service: the object, its endpoints (EndpointSlices) with the pods behind
// them, and the events about it, from the namespace's shared streams; re-sent (whole, it is small)
// at most once per interval when any of them changes.
import type { EndpointRow, EventRow, ServiceDetail } from '../../api/types';
import type { KubeClient } from '../kube/kube-client';
import { resourcePath, servicesRef, type KubeObject } from '../watch/resource-ref';
import { LAST_APPLIED, lacksLastApplied } from '../watch/resource-watch';
import type { WatchHub, WatchLease } from '../watch/watch-hub';
import { SERVICE_NAME_LABEL, toServiceRow, type EndpointSliceObject, type ServiceObject } from './service-row';
import { serviceAddresses } from './service-addresses';

interface DetailSlice extends EndpointSliceObject {
  endpoints?: Array<{
    addresses: string[];
    conditions?: { ready?: boolean | null; serving?: boolean | null; terminating?: boolean | null };
    targetRef?: { kind?: string; name?: string };
    nodeName?: string;
  }>;
}

interface PodObject extends KubeObject {
  status?: { phase?: string; conditions?: Array<{ type: string; status: string }> };
}

interface EventObject extends KubeObject {
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
}

export interface DetailTarget {
  clientId: string;
  subscriptionId: string;
  context: string;
  namespace: string;
  name: string;
}

/** Map keys in the API server's order (Go encodes maps sorted by key). */
const sortedKeys = (map: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export class ServiceDetailSubscription {
  private readonly target: DetailTarget;
  private readonly leases: Array<WatchLease<KubeObject>>;
  private readonly services: WatchLease<ServiceObject>;
  private readonly slices: WatchLease<DetailSlice>;
  private readonly pods: WatchLease<PodObject>;
  private readonly events: WatchLease<EventObject>;
  private readonly stops: Array<() => void> = [];
  private readonly send: (detail: ServiceDetail) => void;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private nodeAddresses: string[] = [];
  private readonly client: KubeClient;
  /** The last-applied annotation the watch cache leaves out, read with the object (per resourceVersion). */
  private lastApplied: { resourceVersion: string; value: string | null } | null = null;
  private reading: string | null = null;
  private readonly schedule: () => void;

  constructor(hub: WatchHub, client: KubeClient, target: DetailTarget, send: (detail: ServiceDetail) => void, batchMs = 50) {
    this.target = target;
    this.send = send;
    this.client = client;
    const scope = (group: string, plural: string) => ({ group, version: 'v1', plural, namespace: target.namespace });
    this.services = hub.acquire(target.context, client, scope('', 'services'));
    this.slices = hub.acquire(target.context, client, scope('discovery.k8s.io', 'endpointslices'));
    this.pods = hub.acquire(target.context, client, scope('', 'pods'));
    this.events = hub.acquire(target.context, client, scope('', 'events'));
    this.leases = [this.services, this.slices, this.pods, this.events] as unknown as Array<WatchLease<KubeObject>>;
    const schedule = (): void => {
      if (this.timer || this.closed) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.closed) return;
        const service = this.cached();
        if (this.complete(service)) this.send(this.detail(service));
      }, batchMs);
    };
    this.schedule = schedule;
    for (const lease of this.leases) this.stops.push(lease.watch.onDelta(schedule), lease.watch.onState(schedule));
    schedule();
    // Node addresses, read once, for "open NodePort"; many users may not list nodes, which is fine.
    void client.json<{ items?: Array<{ status?: { addresses?: Array<{ type: string; address: string }> } }> }>('GET', '/api/v1/nodes', { query: { limit: 20 } })
      .then((nodes) => {
        const all = (nodes.items ?? []).flatMap((n) => n.status?.addresses ?? []);
        this.nodeAddresses = [...new Set([...all.filter((a) => a.type === 'ExternalIP'), ...all.filter((a) => a.type === 'InternalIP')].map((a) => a.address))];
        schedule();
      }, () => undefined);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.stops.forEach((stop) => stop());
    this.leases.forEach((lease) => lease.release());
  }

  private cached(): ServiceObject | null {
    for (const service of this.services.watch.items.values()) if (service.metadata.name === this.target.name) return service;
    return null;
  }

  /**
   * Whether the detail can be sent whole: when the cache left out the Service's last-applied
   * annotation, the object is read once per resourceVersion to show it (and the detail waits).
   */
  private complete(service: ServiceObject | null): boolean {
    if (!service || !lacksLastApplied(service)) return true;
    const version = service.metadata.resourceVersion ?? '';
    if (this.lastApplied?.resourceVersion === version) return true;
    if (this.reading === version) return false;
    this.reading = version;
    const path = resourcePath(servicesRef(this.target.namespace), this.target.name);
    void this.client.json<ServiceObject>('GET', path).then(
      (full) => {
        // The read may return a newer version than the cache holds; the watch brings that version
        // next, and its own read follows.
        this.lastApplied = { resourceVersion: version, value: full.metadata.annotations?.[LAST_APPLIED] ?? null };
      },
      () => {
        this.lastApplied = { resourceVersion: version, value: null };
      },
    ).finally(() => {
      this.reading = null;
      this.schedule();
    });
    return false;
  }

  private detail(cached: ServiceObject | null): ServiceDetail {
    const { context } = this.target;
    const lastApplied = cached && lacksLastApplied(cached) && this.lastApplied?.resourceVersion === cached.metadata.resourceVersion ? this.lastApplied.value : null;
    const service = cached && lastApplied !== null
      ? { ...cached, metadata: { ...cached.metadata, annotations: sortedKeys({ ...cached.metadata.annotations, [LAST_APPLIED]: lastApplied }) } }
      : cached;
    const name = this.target.name;
    const slices = [...this.slices.watch.items.values()].filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name);
    const podsByName = new Map([...this.pods.watch.items.values()].map((p) => [p.metadata.name, p]));
    const endpoints: EndpointRow[] = slices.flatMap((slice) => (slice.endpoints ?? []).flatMap((e) => e.addresses.map((address): EndpointRow => {
      const podName = e.targetRef?.kind === 'Pod' ? e.targetRef.name ?? null : null;
      const pod = podName ? podsByName.get(podName) : undefined;
      return {
        address,
        ready: e.conditions?.ready !== false,
        serving: e.conditions?.serving !== false,
        terminating: e.conditions?.terminating === true,
        pod: podName,
        node: e.nodeName ?? null,
        podPhase: pod?.status?.phase ?? null,
        podReady: pod ? pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' : null,
      };
    }))).sort((a, b) => (a.pod ?? a.address).localeCompare(b.pod ?? b.address));
    const events: EventRow[] = [...this.events.watch.items.values()]
      .filter((e) => e.involvedObject?.kind === 'Service' && e.involvedObject.name === name)
      .map((e) => ({
        uid: e.metadata.uid,
        type: e.type ?? 'Normal',
        reason: e.reason ?? '',
        message: e.message ?? '',
        count: e.series?.count ?? e.count ?? 1,
        lastSeen: e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? null,
      }))
      .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
    let object: Record<string, unknown> | null = null;
    if (service) {
      // The watch cache already dropped managedFields (noise for a reader).
      object = { apiVersion: 'v1', kind: 'Service', ...service };
    }
    const row = service ? toServiceRow(context, service, slices) : null;
    return {
      ...this.target,
      service: object,
      row,
      endpoints,
      events,
      nodeAddresses: this.nodeAddresses,
      addresses: serviceAddresses(row, this.nodeAddresses),
      synced: this.services.watch.state.synced,
    };
  }
}
