// Workloads (Deployments, StatefulSets, DaemonSets) as the wizard's picker shows them: the selector
// a Service for them needs, and their container ports. A live list kind, and the one-shot answer
// remembered for when the cluster is offline.
import type { WorkloadSummary } from '../../api/types';
import type { RowDescriptor } from '../rows/row-descriptor';
import type { KubeObject } from '../watch/resource-ref';

export interface WorkloadObject extends KubeObject {
  spec?: {
    selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
    template?: { spec?: { containers?: Array<{ ports?: Array<{ name?: string; containerPort: number; protocol?: string }> }> } };
  };
}

export const WORKLOAD_SOURCES = [
  { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments' },
  { kind: 'StatefulSet', group: 'apps', version: 'v1', plural: 'statefulsets' },
  { kind: 'DaemonSet', group: 'apps', version: 'v1', plural: 'daemonsets' },
] as const;

type WorkloadKind = (typeof WORKLOAD_SOURCES)[number]['kind'];

export function workloadSummary(kind: WorkloadKind, w: Pick<WorkloadObject, 'metadata' | 'spec'>): WorkloadSummary {
  return {
    kind,
    name: w.metadata.name,
    // The workload's own selector, not its pod labels (those often carry a version that changes at the next rollout).
    selectorLabels: w.spec?.selector?.matchLabels ?? {},
    selectorExpressions: (w.spec?.selector?.matchExpressions?.length ?? 0) > 0,
    ports: (w.spec?.template?.spec?.containers ?? []).flatMap((c) => c.ports ?? [])
      .map((p) => ({ name: p.name ?? null, containerPort: p.containerPort, protocol: p.protocol ?? 'TCP' })),
  };
}

export const workloadRows: RowDescriptor<'workloads'> = {
  kind: 'workloads',
  sources: [...WORKLOAD_SOURCES],
  toRow: (context, object, source) => ({
    uid: object.metadata.uid, context, namespace: object.metadata.namespace ?? '',
    ...workloadSummary(source.kind as WorkloadKind, object as WorkloadObject),
  }),
};
