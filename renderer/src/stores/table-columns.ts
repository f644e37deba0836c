import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { clampWidth, DEFAULT_HIDDEN, type ColumnChoice } from '../model/table-columns';
import type { SortKey } from '../model/service-rows';

const KEY = 'portolan.serviceColumns';

/** Which columns of the Service table show, and the widths the user gave them; kept in this browser or window. */
export const useTableColumnsStore = defineStore('tableColumns', () => {
  const choice = ref<ColumnChoice>(load());

  watch(choice, (value) => {
    try {
      localStorage.setItem(KEY, JSON.stringify(value));
    } catch {
      // Storage full or off: the choice lasts for this session.
    }
  }, { deep: true });

  function toggle(key: SortKey): void {
    const hidden = choice.value.hidden.includes(key) ? choice.value.hidden.filter((k) => k !== key) : [...choice.value.hidden, key];
    choice.value = { ...choice.value, hidden };
  }

  function setWidth(key: SortKey, px: number): void {
    choice.value = { ...choice.value, widths: { ...choice.value.widths, [key]: clampWidth(px) } };
  }

  function reset(): void {
    choice.value = { hidden: [...DEFAULT_HIDDEN], widths: {} };
  }

  return { choice, toggle, setWidth, reset };
});

function load(): ColumnChoice {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<ColumnChoice> | null;
    if (saved && Array.isArray(saved.hidden) && typeof saved.widths === 'object' && saved.widths) return { hidden: saved.hidden, widths: saved.widths };
  } catch {
    // A broken saved value: start from the defaults.
  }
  return { hidden: [...DEFAULT_HIDDEN], widths: {} };
}
