// What the bench installs in the page before the app runs: long-task and input-delay observers, a
// wait on the DOM (portolanWhenDom), and a wrapper around the event socket's handler that notes, for
// every row carrying a bench label, when the app's handler (which applies the batch to the store)
// returned, and when the frame after it was painted (the first task after the next animation frame).
export interface ProbeState {
  longTasks: Array<{ start: number; duration: number }>;
  /** Inputs (Event Timing): when, and how long each waited before its handlers ran. */
  inputs: Array<{ start: number; delay: number }>;
  /** label → epoch ms (performance.timeOrigin + now) */
  store: Record<string, number>;
  paint: Record<string, number>;
}

declare global {
  interface Window {
    portolanBench: ProbeState;
    /**
     * Resolves once `holds()` is true, checked now and after every change of the DOM, with the page's
     * time then (performance.now(): ms since its navigation began); rejects after 120 s.
     */
    portolanWhenDom(holds: () => boolean, what: string): Promise<number>;
  }
}

export function installProbe(): void {
  const state: ProbeState = { longTasks: [], inputs: [], store: {}, paint: {} };
  window.portolanBench = state;
  window.portolanWhenDom = (holds, what) => new Promise((resolve, reject) => {
    if (holds()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (!holds()) return;
      resolve(performance.now());
      observer.disconnect();
      clearTimeout(timer);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not seen in 120 s: ${what}`));
    }, 120_000);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (entry.name === 'pointerdown' || entry.name === 'keydown') state.inputs.push({ start: entry.startTime, delay: entry.processingStart - entry.startTime });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  const now = (): number => performance.timeOrigin + performance.now();
  const descriptor = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true,
    get(this: WebSocket) {
      return descriptor.get!.call(this) as unknown;
    },
    set(this: WebSocket, handler: (event: MessageEvent) => void) {
      descriptor.set!.call(this, (event: MessageEvent) => {
        handler.call(this, event);
        if (typeof event.data !== 'string' || !event.data.includes('"bench":"')) return;
        const at = now();
        const labels = [...event.data.matchAll(/"bench":"(b\d+-\d+)"/g)].map((m) => m[1]!);
        for (const label of labels) state.store[label] ??= at;
        requestAnimationFrame(() => setTimeout(() => {
          const painted = now();
          for (const label of labels) state.paint[label] ??= painted;
        }, 0));
      });
    },
  });
}
