import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Explanation, PortForwardInfo } from '../../../electron/api/types';
import { api } from '../api/portolan';

/** The port forwards core runs (all of them, from any page), kept current by its portForwards events. */
export const usePortForwardsStore = defineStore('portForwards', () => {
  const list = ref<PortForwardInfo[]>([]);
  /** Why the last start failed, per Service port (context/namespace/service:port). */
  const failures = ref(new Map<string, Explanation>());

  function follow(): () => void {
    void api.listPortForwards().then((forwards) => { list.value = forwards; }, () => undefined);
    return api.on('portForwards', (forwards) => { list.value = forwards; });
  }

  const keyOf = (t: { context: string; namespace: string; service: string; port: number }): string => `${t.context}/${t.namespace}/${t.service}:${t.port}`;

  /** The forward of one Service port, if there is one. */
  function of(target: { context: string; namespace: string; service: string; port: number }): PortForwardInfo | undefined {
    return list.value.find((f) => f.context === target.context && f.namespace === target.namespace && f.service === target.service && f.servicePort === target.port);
  }

  async function start(target: { context: string; namespace: string; service: string; port: number }): Promise<void> {
    failures.value.delete(keyOf(target));
    const result = await api.startPortForward(target);
    if (result.ok) {
      if (!list.value.some((f) => f.id === result.forward.id)) list.value = [...list.value, result.forward];
    } else {
      failures.value = new Map(failures.value).set(keyOf(target), result.explanation);
    }
  }

  async function stop(id: string): Promise<void> {
    await api.stopPortForward({ id });
    list.value = list.value.filter((f) => f.id !== id);
  }

  return { list, failures, keyOf, of, follow, start, stop };
});
