// The YAML edit of a live Service, as `kubectl edit` works: the text opened is remembered with its
// resourceVersion, and saving sends only the change from it (core's editService). When the Service
// changed meanwhile, the conflict holds both sides and the user's change rebased, to look at and
// choose: rebase (review the merged text, then save) or overwrite.
import { computed, reactive, toRaw } from 'vue';
import type { EditResult } from '../../../../electron/api/types';
import { api } from '../../api/portolan';
import { conflictOf, openedFrom, rebasedOpening, type EditConflict, type OpenedText } from '../../model/edit-session';

export interface EditTarget { context: string; namespace: string; name: string }
type Failure = Extract<EditResult, { ok: false; reason: 'invalid' | 'forbidden' | 'gone' | 'error' }>;

export function useLiveEdit(target: () => EditTarget, live: () => Record<string, unknown> | null) {
  const state = reactive({
    editing: false,
    draft: '',
    opened: null as OpenedText | null,
    saving: false,
    failure: null as Failure | null,
    conflict: null as EditConflict | null,
    warnings: [] as string[],
    /** What the last save did, for the page's status line. */
    outcome: null as { kind: 'unchanged' } | { kind: 'updated'; resourceVersion: string } | null,
  });

  const dirty = computed(() => state.editing && state.opened !== null && state.draft !== state.opened.text);

  function start(): void {
    const object = live();
    if (!object) return;
    const opened = openedFrom(toRaw(object));
    Object.assign(state, { editing: true, draft: opened.text, opened, failure: null, conflict: null, warnings: [], outcome: null });
  }

  function stop(): void {
    Object.assign(state, { editing: false, opened: null, failure: null, conflict: null });
  }

  async function save(overwrite = false): Promise<void> {
    if (!state.opened) return;
    Object.assign(state, { saving: true, failure: null, outcome: null, warnings: [] });
    try {
      const result = await api.editService({ ...target(), original: state.opened.text, edited: state.draft, resourceVersion: state.opened.resourceVersion, overwrite });
      if (result.ok) {
        state.outcome = result.outcome === 'updated' ? { kind: 'updated', resourceVersion: result.resourceVersion } : { kind: 'unchanged' };
        if (result.outcome === 'updated') state.warnings = result.warnings;
        stop();
      } else if (result.reason === 'changed') {
        state.conflict = conflictOf(result);
      } else {
        state.failure = result;
      }
    } finally {
      state.saving = false;
    }
  }

  /** Takes the user's change rebased on the Service as it is now, opened at its current version, to review and save. */
  function rebase(): void {
    if (!state.conflict) return;
    Object.assign(state, { ...rebasedOpening(state.conflict), conflict: null });
  }

  return { state, dirty, start, stop, save, rebase };
}
