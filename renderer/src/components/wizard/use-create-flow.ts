// The wizard's talk with the cluster once the form passes its own checks: a server-side dry run shown
// as a review (what was written next to what the cluster would store), then the create; or, for a
// live Service, the save of only what changed, with a change made meanwhile reported. A refusal puts
// the server's words on top and each field it names on that field. The calls are handed in, so this
// is unit-tested without a cluster or a page.
import { ref } from 'vue';
import { stringify } from 'yaml';
import type { CreateResult, EditResult, Explanation, FieldProblem } from '../../../../electron/api/types';
import { withoutServerFields } from '../../../../electron/api/server-fields';
import { serverProblemsByField } from '../../model/service-form-rules';

export type CreatePhase = 'editing' | 'checking' | 'review' | 'creating';
export interface Review { written: string; stored: string; warnings: string[]; cleared: string[] }
type Target = { context: string; namespace: string };

export interface CreateFlowDeps {
  create(target: Target, manifest: string, dryRun: boolean): Promise<CreateResult>;
  /** Saving a live Service (the wizard opened on one). */
  save?(target: Target, manifest: string, overwrite: boolean): Promise<EditResult>;
  /** The words of a refusal: `reason` (exists, invalid, …) and the server's explanation in the user's language. */
  refusal(reason: string, explanation: Explanation): string;
  changedMeanwhile(fields: string[]): string;
}

/** What a step of the flow ended with, for the page to follow (close, go to a field's step). */
export type FlowEnd =
  | { end: 'review' }
  | { end: 'created' }
  | { end: 'saved'; outcome: 'updated' | 'unchanged' }
  | { end: 'changed' }
  | { end: 'refused'; firstField: string | null };

export function createFlow(deps: CreateFlowDeps) {
  const phase = ref<CreatePhase>('editing');
  const review = ref<Review | null>(null);
  const serverMessage = ref<string | null>(null);
  /** What the cluster said, per form field. */
  const serverFields = ref<Record<string, string[]>>({});

  function refused(result: { reason: string; explanation: Explanation; problems: FieldProblem[] }): FlowEnd {
    phase.value = 'editing';
    review.value = null;
    const message = deps.refusal(result.reason, result.explanation);
    serverMessage.value = message;
    serverFields.value = serverProblemsByField(result.reason, message, result.problems);
    return { end: 'refused', firstField: Object.keys(serverFields.value)[0] ?? null };
  }

  /** The dry run: the review on success (keys sorted on both sides, so the diff shows values the cluster added). */
  async function check(target: Target, manifest: string, written: object): Promise<FlowEnd> {
    phase.value = 'checking';
    serverMessage.value = null;
    const result = await deps.create(target, manifest, true);
    if (!result.ok) return refused(result);
    review.value = {
      written: stringify(withoutServerFields(written), { sortMapEntries: true }), stored: stringify(withoutServerFields(result.object), { sortMapEntries: true }),
      warnings: result.warnings, cleared: result.cleared,
    };
    phase.value = 'review';
    return { end: 'review' };
  }

  async function confirm(target: Target, manifest: string): Promise<FlowEnd> {
    phase.value = 'creating';
    const result = await deps.create(target, manifest, false);
    return result.ok ? { end: 'created' } : refused(result);
  }

  /** Sends only what changed since the Service was opened; a change made meanwhile is reported, to rebase or overwrite. */
  async function save(target: Target, manifest: string, overwrite: boolean): Promise<FlowEnd> {
    if (!deps.save) throw new Error('this wizard edits no live Service');
    phase.value = 'creating';
    serverMessage.value = null;
    const result = await deps.save(target, manifest, overwrite);
    if (result.ok) return { end: 'saved', outcome: result.outcome };
    phase.value = 'editing';
    if (result.reason === 'changed') {
      serverMessage.value = deps.changedMeanwhile(result.overlapping);
      return { end: 'changed' };
    }
    return refused(result);
  }

  function backToEdit(): void {
    phase.value = 'editing';
    review.value = null;
  }

  /** The text or form changed: what the cluster said of the old one no longer applies to a field. */
  function clearFields(): void {
    serverFields.value = {};
  }

  return { phase, review, serverMessage, serverFields, check, confirm, save, backToEdit, clearFields };
}
