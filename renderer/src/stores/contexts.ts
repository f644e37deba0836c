import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ContextList, ContextSummary } from '../../../electron/api/types';
import { api } from '../api/portolan';

export interface ContextGroup {
  source: string;
  contexts: ContextSummary[];
}

export const useContextsStore = defineStore('contexts', () => {
  const list = ref<ContextList | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  /** Contexts grouped by the kubeconfig file they came from, in file order, current context first. */
  const groups = computed<ContextGroup[]>(() => {
    if (!list.value) return [];
    return list.value.files.map((file) => ({
      source: file.path,
      contexts: list.value!.contexts
        .filter((c) => c.source === file.path)
        .sort((a, b) => Number(b.current) - Number(a.current)),
    }));
  });

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

  return { list, error, loading, groups, load, follow };
});
