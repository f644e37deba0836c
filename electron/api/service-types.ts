// Services as the list and the detail view show them, and the live streams that carry them.
/**
 * How a Service is reached inside the cluster, in KubeSphere's words: Virtual IP (a cluster IP),
 * Headless (Selector) (no cluster IP, endpoints from a selector), Headless (ExternalName) (a DNS
 * name); `headless` is a headless Service with neither a selector nor an external name.
 */
export type ServiceKind = 'virtual-ip' | 'headless-selector' | 'headless-external-name' | 'headless';
export type ServiceAccessType = 'none' | 'node-port' | 'load-balancer';

export interface ServicePortRow {
  name: string | null;
  protocol: string;
  port: number;
  nodePort: number | null;
  /** A number or a named container port, as text. */
  targetPort: string;
}

/** What the Service list shows of one Service: a slim row, not the whole object. */
export interface ServiceRow {
  uid: string;
  context: string;
  namespace: string;
  name: string;
  resourceVersion: string;
  /** kubesphere.io/alias-name */
  alias: string | null;
  /** kubesphere.io/description */
  description: string | null;
  kind: ServiceKind;
  access: ServiceAccessType;
  clusterIP: string | null;
  /** Load-balancer ingress addresses and spec.externalIPs. */
  externalAddresses: string[];
  externalName: string | null;
  /** A LoadBalancer Service whose external address has not been assigned. */
  loadBalancerPending: boolean;
  ports: ServicePortRow[];
  selector: Record<string, string>;
  labels: Record<string, string>;
  createdAt: string | null;
  /** Ready and total endpoints from the Service's EndpointSlices; null where a Service has none by design. */
  endpoints: { ready: number; total: number } | null;
}

export type WatchPhase = 'listing' | 'watching' | 'backoff' | 'denied' | 'stopped';

/** The state of one subscription's stream(s), for status lines and stale markers. */
export interface WatchStatus {
  clientId: string;
  subscriptionId: string;
  context: string;
  namespace: string | null;
  phase: WatchPhase;
  /** The first list completed. */
  synced: boolean;
  /** Rows may be out of date: the stream is down after it had synced. */
  stale: boolean;
  error: { kind: string; message: string } | null;
  retryAt: number | null;
}

export interface Subscription {
  subscriptionId: string;
}

export interface ServiceTarget {
  context: string;
  namespace: string;
  name: string;
}

export interface ServiceActionResult extends ServiceTarget {
  ok: boolean;
  /** What went wrong, in the server's words, when not ok. */
  message: string | null;
}

export interface EndpointRow {
  address: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** The Pod behind the address, when the slice names one. */
  pod: string | null;
  node: string | null;
  /** The Pod's phase and readiness as the Pod reports them. */
  podPhase: string | null;
  podReady: boolean | null;
}

export interface EventRow {
  uid: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  lastSeen: string | null;
}

/** A Service as the detail view shows it: the object itself (without managedFields), its endpoints
 *  with the pods behind them, and its events. */
export interface ServiceDetail {
  clientId: string;
  subscriptionId: string;
  context: string;
  namespace: string;
  name: string;
  /** null while loading, or once the Service is deleted. */
  service: Record<string, unknown> | null;
  row: ServiceRow | null;
  endpoints: EndpointRow[];
  events: EventRow[];
  /** Node addresses (ExternalIP first, then InternalIP), for opening a NodePort; empty if nodes may not be read. */
  nodeAddresses: string[];
  /** Where the Service can be opened from outside (http URLs core built from its status and ports). */
  addresses: string[];
  synced: boolean;
}
