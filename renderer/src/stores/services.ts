// Live Service rows of every selected cluster and namespace (through liveRows, the pipeline every
// live list shares), the list's sorted view following them once per frame. Rows stay raw
// objects (never reactive); the Map, the view's rows and the counts sit in shallowRefs re-triggered
// at most once per frame, and a batch costs what it changes (the view moves each changed row).
import { defineStore } from 'pinia';
import { shallowRef, triggerRef } from 'vue';
import type { CreateResult, ServiceActionResult, ServiceRow, ServiceTarget } from '../../../electron/api/types';
import { api } from '../api/portolan';
import { serviceOrder, type RowFilter, type Sort } from '../model/service-rows';
import { SortedView, type RowChange } from '../model/sorted-view';
import type { Scope } from '../../../electron/api/list-scopes';
import { liveRows } from './live-rows';

export type { Scope };

/** A drawing that took this many changes means a flood: the next waits FLOOD_MS after it. */
const FLOOD_ROWS = 500;
const FLOOD_MS = 120;
/**
 * A task takes changes into the view for about this long (wall-clock, so a page sharing its cores
 * with busy processes still yields often): the rest waits for the next task, and a drawing shows
 * what was taken.
 */
const TASK_MS = 8;
/**
 * How many changes the view takes in one merge: CHUNK.first, then twice as many after a merge that
 * took under half of TASK_MS, half as many after one over it. Each merge copies the whole list, so
 * many small ones cost more than one of their size: a task usually makes one or two.
 */
const CHUNK = { first: 500, least: 100, most: 8000 };

export const useServicesStore = defineStore('services', () => {
  const live = liveRows('services', (changes) => changed(changes));
  const rows = live.rows;
  const view = new SortedView(serviceOrder({ query: '', type: 'all', contexts: [] }, { key: 'name', direction: 'asc' }));
  /**
   * The rows the list shows, filtered and sorted: a new array after each change, never made reactive
   * (a shallowRef; marking each copy raw cost a property definition on a 30,000-element array per frame).
   */
  const visible = shallowRef<ServiceRow[]>([]);
  const countByContext = shallowRef(new Map<string, number>());
  /** Changes the view has not taken yet, whatever number of batches brought them (see take). */
  let pending: Array<RowChange<ServiceRow>> = [];
  /** Follows changes of the Map: the counts at once, the view and the page at the next drawing. */
  function changed(changes: Array<RowChange<ServiceRow>>): void {
    if (changes.length === 0) return;
    for (const change of changes) pending.push(change);
    const counts = countByContext.value;
    let removed = false;
    for (const { before, after } of changes) {
      if (before) counts.set(before.context, (counts.get(before.context) ?? 1) - 1);
      if (after) counts.set(after.context, (counts.get(after.context) ?? 0) + 1);
      else removed = true;
    }
    schedulePublish(removed);
  }

  // Many batches may land within one frame (a list paging in from several clusters): the view takes
  // them and the page is rendered once for all of them. While rows flood in (the last drawing took
  // FLOOD_ROWS changes or more: lists paging in), the page is drawn at most every FLOOD_MS, since a
  // drawing costs much the same whatever number of rows it brings; single changes (a burst of
  // updates) are drawn on the next frame, and so are rows leaving (a cluster unticked: its rows go
  // at once, and the view lets them go). After a flood's wait, the view takes the changes in tasks
  // of their own and the frame mostly draws. No task takes changes for much longer than TASK_MS:
  // what a frame leaves is drawn by the next drawing. A hidden window gets no animation frames,
  // hence the timer.
  /**
   * `prepared`: the view took the changes in tasks of their own; the frame only draws. `leaving`:
   * rows left (a cluster unticked): the frame takes every change, however long that takes, so no
   * row outlives its cluster in the view (taking rows out is one pass over the list).
   */
  interface Publishing { delay?: ReturnType<typeof setTimeout>; frame: number; timer: ReturnType<typeof setTimeout>; prepared?: boolean; leaving?: boolean }
  let publishing: Publishing | null = null;
  let lastPublish = { at: -Infinity, changes: 0 };
  /** Changes the view took since the last drawing. */
  let taken = 0;
  let chunk = CHUNK.first;
  /** Takes up to `most` changes into the view, a chunk at a time while `ms` last (one chunk at least); returns how many it took. */
  function take(most: number, ms = TASK_MS): number {
    const until = performance.now() + ms;
    let count = 0;
    while (count < most && pending.length > 0 && (count === 0 || performance.now() < until)) {
      const changes = pending.splice(0, Math.min(chunk, most - count));
      const began = performance.now();
      view.apply(changes);
      const took = performance.now() - began;
      if (took < TASK_MS / 2 && changes.length === chunk) chunk = Math.min(chunk * 2, CHUNK.most);
      else if (took > TASK_MS) chunk = Math.max(chunk >> 1, CHUNK.least);
      count += changes.length;
    }
    taken += count;
    return count;
  }
  function schedulePublish(now: boolean): void {
    if (publishing) {
      if (now) {
        // Rows leaving: the coming frame takes every change itself (prepared or not), on the next frame.
        publishing.leaving = true;
        if (publishing.delay !== undefined) {
          clearTimeout(publishing.delay);
          publishing.delay = undefined;
          publishing.frame = requestAnimationFrame(publish);
        }
      }
      return;
    }
    const wait = now ? 0 : Math.max(0, lastPublish.changes >= FLOOD_ROWS ? lastPublish.at + FLOOD_MS - performance.now() : 0);
    const next: Publishing = { frame: 0, timer: setTimeout(publish, wait + 100), leaving: now };
    // The changes waiting when the wait ends are taken, task by task; those arriving meanwhile
    // wait for the next drawing (else a flood could put this one off for as long as it lasts).
    const prepare = (left: number): void => {
      const count = take(left);
      if (left > count && pending.length > 0) next.delay = setTimeout(() => prepare(left - count), 0);
      else {
        next.delay = undefined;
        next.prepared = true;
        next.frame = requestAnimationFrame(publish);
      }
    };
    if (wait > 0) next.delay = setTimeout(() => prepare(pending.length), wait);
    else next.frame = requestAnimationFrame(publish);
    publishing = next;
  }
  function publish(): void {
    const { prepared = false, leaving = false } = publishing ?? {};
    if (publishing) {
      clearTimeout(publishing.delay);
      cancelAnimationFrame(publishing.frame);
      clearTimeout(publishing.timer);
      publishing = null;
    }
    if (leaving) take(pending.length, Infinity);
    else if (!prepared) take(pending.length);
    lastPublish = { at: performance.now(), changes: taken };
    taken = 0;
    visible.value = view.rows();
    triggerRef(rows);
    triggerRef(countByContext);
    if (pending.length > 0) schedulePublish(false);
  }

  /** The list's filter or sort changed: the view is rebuilt once. */
  function setOrder(filter: RowFilter, sort: Sort): void {
    pending = [];
    taken = 0;
    view.reset(serviceOrder(filter, sort), rows.value.values());
    publish();
  }

  async function remove(targets: ServiceTarget[]): Promise<ServiceActionResult[]> {
    return api.deleteServices({ targets });
  }

  /** Creates a Service from the wizard's text (with dryRun, only asks what the server would store). */
  const create = (target: { context: string; namespace: string }, manifest: string, dryRun: boolean): Promise<CreateResult> =>
    api.createService({ ...target, manifest, dryRun });

  /** One Service as its cluster has it now (to compare it across clusters). */
  const read = (target: ServiceTarget): Promise<Record<string, unknown>> => api.readService(target);

  return { rows, visible, countByContext, statusByContext: live.statusByContext, errorsByContext: live.errorsByContext, sync: live.sync, setOrder, remove, create, read };
});
