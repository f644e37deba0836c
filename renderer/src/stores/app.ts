import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { VersionInfo } from '../../../electron/api/types';
import { api } from '../api/portolan';

export const useAppStore = defineStore('app', () => {
  const version = ref<VersionInfo | null>(null);

  async function load(): Promise<void> {
    version.value = await api.version();
  }

  return { version, load };
});
