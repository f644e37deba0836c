// Live lists of any kind of resource, through one pipeline: a subscription names a row kind, a
// context and a namespace scope, and receives slim rows as deltas. Adding a kind adds its row type
// here (and one descriptor in core/services/row-kinds.ts).
import type { WorkloadPort } from './manifest-types';
import type { ServiceRow } from './service-types';

/** A Deployment, StatefulSet or DaemonSet, as the wizard's workload picker offers it. */
export interface WorkloadRow {
  uid: string;
  context: string;
  namespace: string;
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  name: string;
  /** The workload's own selector (spec.selector.matchLabels): what a Service for it selects. */
  selectorLabels: Record<string, string>;
  /** The workload also selects by matchExpressions, which a Service selector cannot say. */
  selectorExpressions: boolean;
  ports: WorkloadPort[];
}

/** One way in to a Service: an Ingress rule or an HTTPRoute rule sending traffic to it. */
export interface RouteBackend {
  /** The Service traffic goes to (in the route's namespace, or `namespace` for HTTPRoute references across). */
  service: string;
  namespace: string;
  port: string | null;
  hosts: string[];
  path: string | null;
}

/** An Ingress or a Gateway API HTTPRoute, with the Services it sends traffic to. */
export interface RouteRow {
  uid: string;
  context: string;
  namespace: string;
  kind: 'Ingress' | 'HTTPRoute';
  name: string;
  /** Where it is served: the Ingress class, or the Gateways an HTTPRoute attaches to. */
  via: string[];
  backends: RouteBackend[];
}

export interface RowOf {
  services: ServiceRow;
  workloads: WorkloadRow;
  routes: RouteRow;
}
export type RowKind = keyof RowOf;

/** Changes to one subscription's rows since the last batch (at once after a quiet spell; while a flood lasts, at most one batch per ~25 ms). */
export interface RowsBatch<K extends RowKind = RowKind> {
  clientId: string;
  subscriptionId: string;
  kind: K;
  context: string;
  namespace: string | null;
  upserted: Array<RowOf[K]>;
  /** uids of rows that are gone. */
  deleted: string[];
}
