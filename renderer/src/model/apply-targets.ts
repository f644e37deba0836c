// The apply dialog's model: which contexts a draft goes to and in which namespace, and how each
// target's answer reads. Pure: unit-tested.
import { stringify } from 'yaml';
import type { DraftSummary, DraftTarget, TargetApplyResult } from '../../../electron/api/types';

export interface TargetChoice extends DraftTarget {
  chosen: boolean;
}

interface KnownContext {
  name: string;
  namespace: string | null;
}

/**
 * Every known context, in the sidebar's order: the draft's own targets chosen (with their namespace),
 * the others offered with the draft's namespace, else their context's, else "default".
 */
export function targetChoices(contexts: KnownContext[], draft: Pick<DraftSummary, 'targets' | 'namespace'>): TargetChoice[] {
  return contexts.map((context) => {
    const target = draft.targets.find((t) => t.context === context.name);
    return { context: context.name, namespace: target?.namespace ?? draft.namespace ?? context.namespace ?? 'default', chosen: !!target };
  });
}

export function chosenTargets(choices: TargetChoice[]): DraftTarget[] {
  return choices.filter((c) => c.chosen && c.namespace).map(({ context, namespace }) => ({ context, namespace }));
}

export type TargetState =
  | { phase: 'waiting' }
  | { phase: 'running'; dryRun: boolean }
  | { phase: 'done'; dryRun: boolean; result: TargetApplyResult };

/** An object as the diff shows it: YAML with keys sorted, so only values differ; nothing is empty. */
export function diffText(object: Record<string, unknown> | null): string {
  return object ? stringify(object, { sortMapEntries: true }) : '';
}

/** Counts for the dialog's summary line ("2 created, 1 failed"). */
export function tally(states: TargetState[]): Record<'created' | 'updated' | 'unchanged' | 'failed' | 'running', number> {
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0, running: 0 };
  for (const state of states) {
    if (state.phase === 'running') counts.running++;
    else if (state.phase === 'done') {
      if (state.result.ok) counts[state.result.outcome]++;
      else counts.failed++;
    }
  }
  return counts;
}

/** The key a target is kept under while the dialog is open. */
export const targetKey = (target: DraftTarget): string => `${target.context}\u0000${target.namespace}`;
