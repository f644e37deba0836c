// Live rows of one kind (Services, workloads, routes) for a set of scopes, the one way every live
// list follows core: one subscription per (context, namespace scope), each batch applied to one raw
// Map keyed by context/uid, a status per scope, and `sync(scopes)` to follow exactly those. A store
// (or a component, for a short-lived list) makes its own with `liveRows(kind)`.
import { computed, reactive, shallowRef, triggerRef, type ComputedRef, type ShallowRef } from 'vue';
import type { RowKind, RowOf, RowsBatch, WatchStatus } from '../../../electron/api/types';
import type { Live } from '../api/live';
import { subscribe } from '../api/portolan';
import { scopeKey, type Scope } from '../../../electron/api/list-scopes';
import { applyBatch } from '../model/row-batch';
import type { RowChange } from '../model/sorted-view';

export interface LiveRows<K extends RowKind> {
  /** context/uid → row; raw rows in a shallowRef, re-triggered after each batch unless `onChanges` takes over. */
  rows: ShallowRef<Map<string, RowOf[K]>>;
  /** Per context: its scopes' stream statuses. */
  statusByContext: ComputedRef<Map<string, WatchStatus[]>>;
  /** Per context: why a scope's subscription could not even start (not connected, refused). */
  errorsByContext: ComputedRef<Map<string, string>>;
  sync(scopes: Scope[]): Promise<void>;
}

/**
 * `onChanges`: called with what each batch changed (the Services list keeps its sorted view and
 * paints once per frame); without it the rows ref is triggered after each batch.
 */
export function liveRows<K extends RowKind>(kind: K, onChanges?: (changes: Array<RowChange<RowOf[K]>>) => void): LiveRows<K> {
  const rows = shallowRef(new Map<string, RowOf[K]>());
  const lives = new Map<string, { scope: Scope; live: Live }>();
  const statuses = reactive(new Map<string, WatchStatus>());
  const errors = reactive(new Map<string, { context: string; message: string }>());
  /** The scopes last asked for, to subscribe again when the server released this page's subscriptions. */
  let wantedScopes: Scope[] = [];

  function changed(changes: Array<RowChange<RowOf[K]>>): void {
    if (changes.length === 0) return;
    if (onChanges) onChanges(changes);
    else triggerRef(rows);
  }

  function dropRows(scope: Scope): void {
    const changes: Array<RowChange<RowOf[K]>> = [];
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
    const live = subscribe({ kind: 'rows', rows: kind, context: scope.context, namespace: scope.namespace }, {
      // The batch is of this subscription's kind (core sends each subscription its own kind's rows).
      onData: (batch) => changed(applyBatch(rows.value, batch as unknown as RowsBatch<K>)),
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

  async function sync(wanted: Scope[]): Promise<void> {
    wantedScopes = wanted;
    const wantedKeys = new Set(wanted.map(scopeKey));
    for (const key of [...lives.keys()]) if (!wantedKeys.has(key)) forget(key);
    for (const key of [...errors.keys()]) if (!wantedKeys.has(key)) errors.delete(key);
    await Promise.all(wanted.filter((scope) => !lives.has(scopeKey(scope))).map(async (scope) => {
      const key = scopeKey(scope);
      const live = follow(scope);
      try {
        await live.started;
        errors.delete(key);
      } catch (e) {
        if (lives.get(key)?.live === live) lives.delete(key);
        errors.set(key, { context: scope.context, message: (e as Error).message });
      }
    }));
  }

  const statusByContext = computed(() => {
    const out = new Map<string, WatchStatus[]>();
    for (const status of statuses.values()) out.set(status.context, [...(out.get(status.context) ?? []), status]);
    return out;
  });
  const errorsByContext = computed(() => new Map([...errors.values()].map((e) => [e.context, e.message])));

  return { rows, statusByContext, errorsByContext, sync };
}
