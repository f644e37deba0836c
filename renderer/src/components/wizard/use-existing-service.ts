// The wizard opened on a live Service ("Edit Service", as in the KubeSphere console): it remembers the
// text it opened with and its resourceVersion, and saving sends only what changed (core's editService,
// the same as the YAML edit on the Service's page). A Service changed meanwhile is reported with the
// fields both sides changed; the user takes theirs with their own change on top, or overwrites.
import { ref } from 'vue';
import type { EditResult } from '../../../../electron/api/types';
import { api } from '../../api/portolan';
import { conflictOf, openedFrom, rebasedOpening, type EditConflict } from '../../model/edit-session';

export interface ExistingService { name: string; object: Record<string, unknown> }

export function useExistingService(existing: ExistingService) {
  const opened = ref(openedFrom(existing.object));
  const conflict = ref<EditConflict | null>(null);

  async function save(target: { context: string; namespace: string }, edited: string, overwrite: boolean): Promise<EditResult> {
    const result = await api.editService({ ...target, name: existing.name, original: opened.value.text, edited, resourceVersion: opened.value.resourceVersion, overwrite });
    conflict.value = conflictOf(result);
    return result;
  }

  /** Continues from the Service as it is now, with the user's change on top: returns the text to edit. */
  function takeRebased(): string | null {
    if (!conflict.value) return null;
    const next = rebasedOpening(conflict.value);
    opened.value = next.opened;
    conflict.value = null;
    return next.draft;
  }

  return { opened, conflict, save, takeRebased };
}
