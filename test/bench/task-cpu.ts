// The page's own work per task, next to the wall-clock long tasks: the main-thread CPU time of every
// task, from a Chrome trace of the 'toplevel' category (one event per task, with its thread time:
// light enough to leave the other figures as they were). On the bench's two cores the page's main
// thread shares the CPU with the clusters and with core, and a long task (what the longtask observer
// reports: wall clock) may have spent most of its time waiting for a core: traces showed tasks of
// 71 ms that ran 1 ms, and of 188 ms that ran 20 ms. The busiest task's CPU time is the page's work.
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs. */
  tdur?: number;
  args?: { name?: string };
}

/** Starts tracing the page's tasks; the function returned stops it and gives the busiest task's CPU time, ms. */
export async function traceTasks(browser: Browser, page: Page): Promise<() => Promise<number>> {
  await browser.startTracing(page, { categories: ['toplevel'] });
  return async () => busiestTask(JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[]);
}

/** The most CPU time one top-level task took on a renderer's main thread, ms. */
export function busiestTask(trace: { traceEvents: TraceEvent[] } | TraceEvent[]): number {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const threadKey = (e: TraceEvent): string => `${e.pid}:${e.tid}`;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(threadKey));
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mainThreads.has(threadKey(e)))
    .sort((a, b) => a.ts - b.ts);
  if (!tasks.some((e) => e.tdur !== undefined)) throw new Error('the trace has no task with a thread time: cannot tell the page\'s work from its waiting');
  // A task run inside another (a nested run loop) is part of the outer one's time.
  const endOf = new Map<string, number>();
  let busiest = 0;
  for (const task of tasks) {
    const key = threadKey(task);
    if (task.ts < (endOf.get(key) ?? -Infinity)) continue;
    endOf.set(key, task.ts + (task.dur ?? 0));
    busiest = Math.max(busiest, (task.tdur ?? 0) / 1000);
  }
  return busiest;
}
