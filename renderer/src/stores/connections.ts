import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { ConnectionStatus, NamespaceList } from '../../../electron/api/types';
import { api } from '../api/portolan';

/** Connection status and namespaces per context, kept current by core's events. */
export const useConnectionsStore = defineStore('connections', () => {
  const statuses = reactive(new Map<string, ConnectionStatus>());
  const namespaces = reactive(new Map<string, NamespaceList>());
  const errors = reactive(new Map<string, string>());

  // Answers and events race: keep whichever is newer (higher revision).
  function applyStatus(status: ConnectionStatus): void {
    const known = statuses.get(status.context);
    if (known && known.revision > status.revision) return;
    statuses.set(status.context, status);
  }

  function applyNamespaces(list: NamespaceList): void {
    const known = namespaces.get(list.context);
    if (known && known.revision > list.revision) return;
    namespaces.set(list.context, list);
  }

  function follow(): () => void {
    const stops = [
      api.on('connectionChanged', (status) => {
        applyStatus(status);
        if (status.state === 'connected') void refreshNamespaces(status.context);
        if (status.state === 'idle') namespaces.delete(status.context);
      }),
      api.on('namespacesChanged', applyNamespaces),
    ];
    return () => stops.forEach((stop) => stop());
  }

  async function refreshNamespaces(context: string): Promise<void> {
    try {
      applyNamespaces(await api.listNamespaces({ context }));
    } catch {
      /* not connected (any more): the next event brings it */
    }
  }

  /**
   * What core holds already (a page opened while core's connections are open): a connected context's
   * lists start at once, without a connect round trip first.
   */
  async function load(): Promise<void> {
    try {
      for (const status of await api.connectionStatuses()) {
        applyStatus(status);
        if (status.state === 'connected') void refreshNamespaces(status.context);
      }
    } catch {
      /* the events bring them */
    }
  }

  async function connect(context: string): Promise<void> {
    try {
      const status = await api.connect({ context });
      applyStatus(status);
      errors.delete(context);
      if (status.state === 'connected') await refreshNamespaces(context);
    } catch (e) {
      errors.set(context, (e as Error).message);
    }
  }

  /** The user allowed the exec command a file added in the app asks to run: remember it and connect. */
  async function trustPlugin(context: string, file: string, command: string): Promise<void> {
    try {
      applyStatus(await api.trustExecPlugin({ context, file, command }));
      errors.delete(context);
    } catch (e) {
      errors.set(context, (e as Error).message);
    }
  }

  async function disconnect(context: string): Promise<void> {
    await api.disconnect({ context });
    statuses.delete(context);
    namespaces.delete(context);
  }

  async function addNamespace(context: string, namespace: string): Promise<void> {
    applyNamespaces(await api.addNamespaces({ context, namespaces: [namespace] }));
  }

  return { statuses, namespaces, errors, follow, load, connect, trustPlugin, disconnect, addNamespace };
});
