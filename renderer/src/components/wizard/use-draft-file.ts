// The wizard's text as a draft file: saved as written (even text that does not parse yet), always
// naming the version it started from, so an edit made in another editor meanwhile is never
// overwritten unseen: the wizard then says so and offers "reload" or "keep mine".
import { computed, onBeforeUnmount, ref, watch } from 'vue';
import type { DraftTarget, DraftText } from '../../../../electron/api/types';
import { useDraftsStore } from '../../stores/drafts';

/** `initialText`: what the wizard starts with when no draft was opened (a new Service, or a live one). */
export function useDraftFile(opened: DraftText | undefined, initialText: string) {
  const drafts = useDraftsStore();
  onBeforeUnmount(drafts.follow());
  const file = ref<string | null>(opened?.file ?? null);
  const version = ref<string | null>(opened?.version ?? null);
  const savedAt = ref<Date | null>(null);
  /** The text as last opened or saved (closing asks first only when the text differs from it). */
  const savedText = ref<string>(opened?.text ?? initialText);
  const saving = ref(false);
  /** The file changed on disk since it was opened or last saved here (null: it did not). */
  const changedOnDisk = ref<{ version: string | null; gone: boolean } | null>(null);

  watch(() => (file.value ? drafts.list && (drafts.byFile(file.value)?.version ?? 'gone') : null), (onDisk) => {
    if (!onDisk || saving.value || !version.value || onDisk === version.value) return;
    changedOnDisk.value = { version: onDisk === 'gone' ? null : onDisk, gone: onDisk === 'gone' };
  });

  /** Saves `text`; false when the file changed on disk meanwhile (changedOnDisk says so; nothing was written). */
  async function save(text: string, extra: { targets?: DraftTarget[]; validation?: { problems: number; first: string | null }; overwrite?: boolean } = {}): Promise<boolean> {
    saving.value = true;
    try {
      const expectedVersion = extra.overwrite ? (changedOnDisk.value?.version ?? null) : version.value;
      const result = await drafts.save({
        file: file.value, text, expectedVersion,
        ...(extra.targets ? { targets: extra.targets } : {}), ...(extra.validation ? { validation: extra.validation } : {}),
      });
      if (!result.ok) {
        changedOnDisk.value = { version: result.current?.version ?? null, gone: !result.current };
        return false;
      }
      file.value = result.draft.file;
      version.value = result.draft.version;
      savedText.value = text;
      savedAt.value = new Date();
      changedOnDisk.value = null;
      return true;
    } finally {
      saving.value = false;
    }
  }

  /** The file as it is on disk now (the user chose "reload"). */
  async function reload(): Promise<string | null> {
    if (!file.value) return null;
    const current = await drafts.read(file.value);
    version.value = current.version;
    changedOnDisk.value = null;
    savedText.value = current.text;
    return current.text;
  }

  const isNew = computed(() => file.value === null);
  return { file, version, savedAt, savedText, changedOnDisk, isNew, save, reload };
}
