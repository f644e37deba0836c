import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { SidebarGrouping, UiState } from '../../../electron/api/types';
import { api } from '../api/portolan';

const DEFAULT_GROUPING: SidebarGrouping = 'file';

/** What the user chose in the sidebar; remembered by core across restarts. */
export const useSidebarStore = defineStore('sidebar', () => {
  const pinned = ref<string[]>([]);
  const selected = ref<string[]>([]);
  const namespaces = ref<Record<string, string[]>>({});
  const groupBy = ref<SidebarGrouping>(DEFAULT_GROUPING);
  const query = ref('');
  const loaded = ref(false);

  const state = computed<UiState>(() => ({
    pinned: pinned.value, selected: selected.value, namespaces: namespaces.value, groupBy: groupBy.value,
  }));

  /**
   * The remembered choices. A choice the user made before they arrived (a context ticked as the list
   * appeared) wins over the remembered one, and is saved.
   */
  async function load(): Promise<UiState> {
    const saved = await api.getUiState();
    if (pinned.value.length === 0) pinned.value = saved.pinned;
    if (selected.value.length === 0) selected.value = saved.selected;
    if (Object.keys(namespaces.value).length === 0) namespaces.value = saved.namespaces;
    if (groupBy.value === DEFAULT_GROUPING) groupBy.value = saved.groupBy;
    loaded.value = true;
    if (JSON.stringify(state.value) !== JSON.stringify(saved)) save(state.value);
    return saved;
  }

  let saving: ReturnType<typeof setTimeout> | null = null;
  function save(next: UiState): void {
    if (saving) clearTimeout(saving);
    saving = setTimeout(() => void api.setUiState(JSON.parse(JSON.stringify(next)) as UiState), 200);
  }
  watch(state, (next) => {
    if (loaded.value) save(next);
  }, { deep: true });

  const toggle = (list: string[], item: string): string[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  function togglePinned(context: string): void {
    pinned.value = toggle(pinned.value, context);
  }

  function toggleSelected(context: string): void {
    selected.value = toggle(selected.value, context);
  }

  function selectOnly(context: string, namespace?: string): void {
    selected.value = [context];
    if (namespace) namespaces.value = { ...namespaces.value, [context]: [namespace] };
  }

  /** Namespaces chosen for a context; empty means all. */
  function namespacesOf(context: string): string[] {
    return namespaces.value[context] ?? [];
  }

  function setNamespaces(context: string, chosen: string[]): void {
    namespaces.value = { ...namespaces.value, [context]: chosen };
  }

  return {
    pinned, selected, namespaces, groupBy, query, loaded,
    load, togglePinned, toggleSelected, selectOnly, namespacesOf, setNamespaces,
  };
});
