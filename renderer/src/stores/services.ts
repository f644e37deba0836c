// Live Service rows of every selected cluster and namespace: one subscription per (context, namespace
// scope), batches applied to one Map and to the list's sorted view as they arrive. Rows stay raw
// objects (never reactive); the Map, the view's rows and the counts sit in shallowRefs re-triggered
// at most once per frame, and a batch costs what it changes (the view moves each changed row).
import { defineStore } from 'pinia';
import { computed, markRaw, reactive, shallowRef, triggerRef } from 'vue';
import type { ServiceActionResult, ServiceRow, ServiceTarget, WatchStatus } from '../../../electron/api/types';
import type { Live } from '../api/live';
import { api, subscribe } from '../api/portolan';
import { applyBatch, serviceOrder, type RowFilter, type Sort } from '../model/service-rows';
import { SortedView, type RowChange } from '../model/sorted-view';

export interface Scope {
  context: string;
  /** null: all namespaces */
  namespace: string | null;
}

const scopeKey = (scope: Scope): string => `${scope.context}|${scope.namespace ?? '*'}`;

export const useServicesStore = defineStore('services', () => {
  const rows = shallowRef(new Map<string, ServiceRow>());
  const view = new SortedView(serviceOrder({ query: '', type: 'all', contexts: [] }, { key: 'name', direction: 'asc' }));
  /** The rows the list shows, filtered and sorted: a new (raw) array after each change. */
  const visible = shallowRef<ServiceRow[]>(markRaw([]));
  const countByContext = shallowRef(new Map<string, number>());
  /** scope key → its live subscription */
  const lives = new Map<string, { scope: Scope; live: Live }>();
  /** scope key → the stream's last status */
  const statuses = reactive(new Map<string, WatchStatus>());
  const errors = reactive(new Map<string, string>());

  /** The scopes last asked for, to subscribe again when the server released this page's subscriptions. */
  let wantedScopes: Scope[] = [];

  /** Follows changes of the Map: the view and the counts at once, the page once per frame. */
  function changed(changes: Array<RowChange<ServiceRow>>): void {
    if (changes.length === 0) return;
    view.apply(changes);
    const counts = countByContext.value;
    for (const { before, after } of changes) {
      if (before) counts.set(before.context, (counts.get(before.context) ?? 1) - 1);
      if (after) counts.set(after.context, (counts.get(after.context) ?? 0) + 1);
    }
    schedulePublish();
  }

  // Many batches may land within one frame (a list paging in from several clusters): the page is
  // rendered once for all of them. A hidden window gets no animation frames, hence the timer.
  let publishing: { frame: number; timer: ReturnType<typeof setTimeout> } | null = null;
  function schedulePublish(): void {
    if (publishing) return;
    publishing = { frame: requestAnimationFrame(publish), timer: setTimeout(publish, 100) };
  }
  function publish(): void {
    if (publishing) {
      cancelAnimationFrame(publishing.frame);
      clearTimeout(publishing.timer);
      publishing = null;
    }
    visible.value = markRaw(view.rows());
    triggerRef(rows);
    triggerRef(countByContext);
  }

  /** The list's filter or sort changed: the view is rebuilt once. */
  function setOrder(filter: RowFilter, sort: Sort): void {
    view.reset(serviceOrder(filter, sort), rows.value.values());
    publish();
  }

  function dropRows(scope: Scope): void {
    const changes: Array<RowChange<ServiceRow>> = [];
    for (const [key, row] of rows.value) {
      if (row.context === scope.context && (scope.namespace === null || row.namespace === scope.namespace)) {
        rows.value.delete(key);
        changes.push({ before: row });
      }
    }
    changed(changes);
  }

  /** The scope's subscription ended (or is no longer wanted): its status and rows go. */
  function forget(key: string): void {
    const entry = lives.get(key);
    lives.delete(key);
    statuses.delete(key);
    if (entry) {
      entry.live.close();
      dropRows(entry.scope);
    }
  }

  function follow(scope: Scope): Live {
    const key = scopeKey(scope);
    const live = subscribe({ kind: 'serviceRows', context: scope.context, namespace: scope.namespace }, {
      onData: (batch) => changed(applyBatch(rows.value, batch)),
      onStatus: (status) => {
        if (lives.get(key)?.live !== live) return;
        statuses.set(key, status);
        if (status.phase !== 'stopped') return;
        forget(key);
        // The page was away longer than the server keeps its lists: follow the same scopes again.
        if (status.error?.kind === 'released') void sync(wantedScopes);
      },
    });
    lives.set(key, { scope, live });
    return live;
  }

  /** Subscribes to exactly these scopes: new ones are watched, gone ones unwatched and their rows dropped. */
  async function sync(wanted: Scope[]): Promise<void> {
    wantedScopes = wanted;
    const wantedKeys = new Set(wanted.map(scopeKey));
    for (const key of [...lives.keys()]) if (!wantedKeys.has(key)) forget(key);
    await Promise.all(wanted.filter((scope) => !lives.has(scopeKey(scope))).map(async (scope) => {
      const key = scopeKey(scope);
      const live = follow(scope);
      try {
        await live.started;
        errors.delete(key);
      } catch (e) {
        if (lives.get(key)?.live === live) lives.delete(key);
        errors.set(key, (e as Error).message);
      }
    }));
  }

  /** Per context: the statuses of its subscriptions. */
  const statusByContext = computed(() => {
    const out = new Map<string, WatchStatus[]>();
    for (const status of statuses.values()) out.set(status.context, [...(out.get(status.context) ?? []), status]);
    return out;
  });

  async function remove(targets: ServiceTarget[]): Promise<ServiceActionResult[]> {
    return api.deleteServices({ targets });
  }

  /** One Service as its cluster has it now (to compare it across clusters). */
  const read = (target: ServiceTarget): Promise<Record<string, unknown>> => api.readService(target);

  return { rows, visible, countByContext, statuses, errors, statusByContext, sync, setOrder, remove, read };
});
