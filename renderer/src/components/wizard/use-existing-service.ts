// The wizard opened on a live Service ("Edit Service", as in the KubeSphere console): it remembers the
// text it opened with and its resourceVersion, and saving sends only what changed (core's editService,
// the same as the YAML edit on the Service's page). A Service changed meanwhile is reported with the
// fields both sides changed; the user takes theirs with their own change on top, or overwrites.
import { ref } from 'vue';
import { stringify } from 'yaml';
import type { EditResult } from '../../../../electron/api/types';
import { withoutServerFields } from '../../../../electron/api/server-fields';
import { api } from '../../api/portolan';

export interface ExistingService { name: string; object: Record<string, unknown> }

/** The text the wizard opens an existing Service with: the object without what the server sets. */
export const openedText = (object: Record<string, unknown>): string => stringify(withoutServerFields(object));

export function useExistingService(existing: ExistingService) {
  const opened = ref({
    text: openedText(existing.object),
    resourceVersion: String((existing.object.metadata as { resourceVersion?: string } | undefined)?.resourceVersion ?? ''),
  });
  const conflict = ref<{ current: string; rebased: string; overlapping: string[]; resourceVersion: string } | null>(null);

  async function save(target: { context: string; namespace: string }, edited: string, overwrite: boolean): Promise<EditResult> {
    const result = await api.editService({ ...target, name: existing.name, original: opened.value.text, edited, resourceVersion: opened.value.resourceVersion, overwrite });
    conflict.value = !result.ok && result.reason === 'changed'
      ? { current: stringify(result.current), rebased: stringify(result.rebased), overlapping: result.overlapping, resourceVersion: result.resourceVersion }
      : null;
    return result;
  }

  /** Continues from the Service as it is now, with the user's change on top: returns the text to edit. */
  function takeRebased(): string | null {
    const c = conflict.value;
    if (!c) return null;
    opened.value = { text: c.current, resourceVersion: c.resourceVersion };
    conflict.value = null;
    return c.rebased;
  }

  return { opened, conflict, save, takeRebased };
}
