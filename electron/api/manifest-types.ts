// Creating and applying manifests, and the wizard's lookups (workloads, pods).
import type { Explanation } from './explanations';

export interface FieldProblem {
  /** e.g. .spec.ports[0].nodePort, as the server names it. */
  field: string | null;
  message: string;
}

/** What a server-side apply did: applied, or why not (field-manager conflicts, invalid fields, other). */
export type ApplyResult =
  | { ok: true; resourceVersion: string }
  | { ok: false; reason: 'conflict' | 'invalid' | 'forbidden' | 'error'; explanation: Explanation; problems: FieldProblem[] };

/**
 * What an edit of a live Service did, as `kubectl edit` does it: only the change from what was opened
 * to what was saved is sent (a JSON merge patch, guarded by the resourceVersion opened).
 */
export type EditResult =
  /** Nothing changed: nothing was sent, no field changed owner. */
  | { ok: true; outcome: 'unchanged' }
  | { ok: true; outcome: 'updated'; resourceVersion: string; warnings: string[] }
  /**
   * The Service changed on the cluster since it was opened: `current` is it now (without server-set
   * fields), `rebased` the user's change applied to it, and `overlapping` the fields both changed.
   */
  | { ok: false; reason: 'changed'; current: Record<string, unknown>; resourceVersion: string; rebased: Record<string, unknown>; overlapping: string[] }
  | { ok: false; reason: 'invalid' | 'forbidden' | 'gone' | 'error'; explanation: Explanation; problems: FieldProblem[] };

export interface WorkloadPort {
  name: string | null;
  containerPort: number;
  protocol: string;
}

/** A Deployment, StatefulSet or DaemonSet, as the wizard's "Specify workload" picker offers it. */
export interface WorkloadSummary {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  name: string;
  /**
   * The workload's own selector (spec.selector.matchLabels): what a Service for it selects. Not the
   * pod template's labels, which often carry a version that changes at the next rollout.
   */
  selectorLabels: Record<string, string>;
  /** The workload also selects by matchExpressions, which a Service selector cannot say. */
  selectorExpressions: boolean;
  ports: WorkloadPort[];
}

/** The pods a selector matches right now (first 50 by name). */
export interface PodMatch {
  count: number;
  pods: Array<{ name: string; ready: boolean; phase: string }>;
}

export type CreateResult =
  /** `warnings`: what the server said while accepting; `cleared`: server-set fields left out of the request. */
  | { ok: true; object: Record<string, unknown>; warnings: string[]; cleared: string[] }
  | { ok: false; reason: 'exists' | 'invalid' | 'forbidden' | 'error'; explanation: Explanation; problems: FieldProblem[] };

/** The workloads of a namespace; `rememberedAt` when the cluster did not answer and these are from that time. */
export interface WorkloadList {
  workloads: WorkloadSummary[];
  rememberedAt: string | null;
}

/** A Service JSON Schema and where it comes from: the cluster now, or remembered from it. */
export interface ServiceSchemaAnswer {
  schema: Record<string, unknown>;
  serverVersion: string | null;
  /** null: read from the cluster just now. */
  rememberedAt: string | null;
}
