import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DraftList, DraftSaveResult, DraftSummary, DraftTarget, TargetApplyResult } from '../../../electron/api/types';
import { stringify } from 'yaml';
import { asDraftObject } from '../../../electron/api/server-fields';
import { api } from '../api/portolan';

/** The drafts folder and its files, kept current by core's draftsChanged events (core watches the folder). */
export const useDraftsStore = defineStore('drafts', () => {
  const list = ref<DraftList | null>(null);
  const error = ref<string | null>(null);
  const drafts = computed(() => list.value?.drafts ?? []);

  let following = 0;
  let stop: (() => void) | null = null;
  /** Starts following (counted: the sidebar and the Drafts view both follow); returns the matching stop. */
  function follow(): () => void {
    if (following++ === 0) {
      stop = api.on('draftsChanged', (next) => { list.value = next; });
      void api.listDrafts().then((next) => { list.value = next; error.value = null; }, (e: Error) => { error.value = e.message; });
    }
    return () => {
      if (--following === 0) stop?.();
    };
  }

  const byFile = (file: string): DraftSummary | undefined => drafts.value.find((d) => d.file === file);

  // Answers are not merged into the list: core sends the whole list after every change, in order, and
  // an answer arriving after a later change's event would put old notes back.
  const save = (request: Parameters<typeof api.saveDraft>[0]): Promise<DraftSaveResult> => api.saveDraft(request);

  const read = (file: string): ReturnType<typeof api.readDraft> => api.readDraft({ file });
  const rename = (file: string, to: string): Promise<DraftSummary> => api.renameDraft({ file, to });
  const duplicate = (file: string): Promise<DraftSummary> => api.duplicateDraft({ file });
  const remove = (file: string): ReturnType<typeof api.deleteDraft> => api.deleteDraft({ file });
  const importText = (text: string): ReturnType<typeof api.importDrafts> => api.importDrafts({ text });
  const setTargets = (file: string, targets: DraftTarget[]): Promise<DraftSummary> => api.setDraftTargets({ file, targets });

  async function setFolder(path: string | null): Promise<void> {
    list.value = await api.setDraftFolder({ path });
  }

  /** The desktop app's folder dialog; false when cancelled. */
  async function chooseFolder(): Promise<boolean> {
    const chosen = await api.chooseDraftFolder();
    if (chosen) list.value = chosen;
    return chosen !== null;
  }

  /**
   * A live Service as a new draft, without what its cluster set (status, uid, resourceVersion,
   * managedFields, its cluster IPs): to apply to other clusters.
   */
  async function saveLive(object: Record<string, unknown>, targets: DraftTarget[]): Promise<DraftSummary> {
    const result = await save({ file: null, text: stringify(asDraftObject(object)), expectedVersion: null, targets });
    if (!result.ok) throw new Error('a file of that name appeared meanwhile; try again');
    return result.draft;
  }

  function apply(file: string, version: string, target: DraftTarget, options: { dryRun: boolean; force: boolean }): Promise<TargetApplyResult> {
    return api.applyDraft({ file, version, ...target, ...options });
  }

  return { list, error, drafts, follow, byFile, save, saveLive, read, rename, duplicate, remove, importText, setTargets, setFolder, chooseFolder, apply };
});
