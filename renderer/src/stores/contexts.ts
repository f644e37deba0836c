import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ContextList, ContextSummary } from '../../../electron/api/types';
import { api } from '../api/portolan';

export const useContextsStore = defineStore('contexts', () => {
  const list = ref<ContextList | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  const contexts = computed<ContextSummary[]>(() => list.value?.contexts ?? []);
  const byName = computed(() => new Map(contexts.value.map((c) => [c.name, c])));

  async function load(): Promise<void> {
    loading.value = true;
    try {
      list.value = await api.listContexts();
      error.value = null;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  }

  function follow(): () => void {
    return api.on('contextsChanged', (next) => {
      list.value = next;
    });
  }

  async function addFile(path: string): Promise<void> {
    list.value = await api.addKubeconfigFile({ path });
  }

  /** The desktop app: the system's open dialog; nothing happens when the user cancels it. */
  async function chooseFile(): Promise<void> {
    const chosen = await api.chooseKubeconfigFile();
    if (chosen) list.value = chosen;
  }

  async function removeFile(path: string): Promise<void> {
    list.value = await api.removeKubeconfigFile({ path });
  }

  return { list, error, loading, contexts, byName, load, follow, addFile, chooseFile, removeFile };
});
