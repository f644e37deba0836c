// The Services store over liveRows, with the page's subscribe faked: one subscription per scope,
// batches into the sorted view and the counts, scopes dropped with their rows, a refused scope said
// per context, and the scopes followed again when core released the page.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RowsBatch, ServiceRow, WatchStatus } from '../../../electron/api/types';
import type { RowChange } from '../../../renderer/src/model/sorted-view';

interface Made { target: { kind: string; rows: string; context: string; namespace: string | null }; handlers: { onData(b: unknown): void; onStatus?(s: WatchStatus): void }; closed: boolean; id: string }
const made: Made[] = [];
let refuse: string | null = null;
const subscribe = vi.fn((target: Made['target'], handlers: Made['handlers']) => {
  const entry: Made = { target, handlers, closed: false, id: `sub-${made.length + 1}` };
  made.push(entry);
  const started = refuse && target.context === refuse ? Promise.reject(new Error(`context "${refuse}" is not connected`)) : Promise.resolve();
  return { id: entry.id, started, close: () => (entry.closed = true) };
});
vi.mock('../../../renderer/src/api/portolan', () => ({ api: {}, subscribe }));
// The store paints once per frame; here a frame is a macrotask.
vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0) as unknown as number);
vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
const { useServicesStore } = await import('../../../renderer/src/stores/services');
const { SortedView } = await import('../../../renderer/src/model/sorted-view');

const row = (context: string, name: string, namespace = 'shop'): ServiceRow => ({
  uid: `${context}-${name}`, context, namespace, name, resourceVersion: '1', alias: null, description: null, kind: 'virtual-ip', access: 'none',
  clusterIP: null, externalAddresses: [], externalName: null, loadBalancerPending: false, ports: [], selector: {}, labels: {}, createdAt: null, endpoints: null,
});
const batch = (m: Made, upserted: ServiceRow[], deleted: string[] = []): RowsBatch<'services'> =>
  ({ clientId: 'p', subscriptionId: m.id, kind: 'services', context: m.target.context, namespace: m.target.namespace, upserted, deleted });
const frame = (): Promise<void> => new Promise((r) => setTimeout(r, 5));
const rowsOf = (count: number, prefix: string): ServiceRow[] => Array.from({ length: count }, (_, i) => row('a', `${prefix}-${i}`));

/** The store following context a, just after a drawing of 600 rows: a flood, so the next drawing waits. */
async function flooded(): Promise<{ store: ReturnType<typeof useServicesStore>; m: Made }> {
  const store = useServicesStore();
  await store.sync([{ context: 'a', namespace: null }]);
  const m = made[0]!;
  m.handlers.onData(batch(m, rowsOf(600, 'first')));
  await frame();
  return { store, m };
}

/** Runs `before` with each merge's changes ahead of the view's own apply; returns the undo. */
function beforeEachMerge(before: (changes: Array<RowChange<ServiceRow>>) => void): () => void {
  const original = SortedView.prototype.apply;
  const spy = vi.spyOn(SortedView.prototype, 'apply').mockImplementation(function (this: InstanceType<typeof SortedView>, changes) {
    const list = [...changes] as Array<RowChange<ServiceRow>>;
    before(list);
    original.call(this, list);
  });
  return () => spy.mockRestore();
}

/** A slow machine: 20 µs of work per change, so 250 changes take 5 ms and 500 take 10. */
function slowly(changes: unknown[]): void {
  const until = performance.now() + changes.length * 0.02;
  while (performance.now() < until) { /* busy */ }
}

beforeEach(() => {
  setActivePinia(createPinia());
  made.length = 0;
  refuse = null;
});

describe('services store', () => {
  it('follows each scope once, applies its batches to the sorted view and the counts', async () => {
    const store = useServicesStore();
    await store.sync([{ context: 'a', namespace: null }, { context: 'b', namespace: 'shop' }]);
    await store.sync([{ context: 'a', namespace: null }, { context: 'b', namespace: 'shop' }]);
    expect(made.map((m) => m.target)).toEqual([
      { kind: 'rows', rows: 'services', context: 'a', namespace: null }, { kind: 'rows', rows: 'services', context: 'b', namespace: 'shop' },
    ]);
    made[0]!.handlers.onData(batch(made[0]!, [row('a', 'web'), row('a', 'api')]));
    made[1]!.handlers.onData(batch(made[1]!, [row('b', 'web')]));
    await frame();
    expect(store.visible.map((r) => `${r.context}/${r.name}`)).toEqual(['a/api', 'a/web', 'b/web']);
    expect(Object.fromEntries(store.countByContext)).toEqual({ a: 2, b: 1 });
    made[0]!.handlers.onData(batch(made[0]!, [], ['a-api']));
    await frame();
    expect(store.visible.map((r) => r.name)).toEqual(['web', 'web']);
  });

  it('draws single changes on the next frame, and a flood at most every 120 ms', async () => {
    const store = useServicesStore();
    await store.sync([{ context: 'a', namespace: null }]);
    const m = made[0]!;
    m.handlers.onData(batch(m, [row('a', 'one')]));
    await frame();
    m.handlers.onData(batch(m, [row('a', 'two')]));
    await frame();
    expect(store.visible).toHaveLength(2);
    // 600 rows in one drawing: a flood; what comes next waits for 120 ms after that drawing.
    m.handlers.onData(batch(m, rowsOf(600, 'svc')));
    await frame();
    expect(store.visible).toHaveLength(602);
    const drawn = performance.now();
    m.handlers.onData(batch(m, [row('a', 'late')]));
    await frame();
    expect(store.visible).toHaveLength(602);
    await new Promise((r) => setTimeout(r, 130));
    expect(store.visible).toHaveLength(603);
    expect(performance.now() - drawn).toBeGreaterThanOrEqual(120);
    // The flood is over (that drawing took one change): the next change is drawn on the next frame.
    m.handlers.onData(batch(m, [row('a', 'after')]));
    await frame();
    expect(store.visible).toHaveLength(604);
  });

  it('takes a flood\'s changes into the view before the frame that draws them, twice as many per merge while merges are quick', async () => {
    const { store, m } = await flooded();
    const drawn: number[] = [];
    const slices: number[] = [];
    const restore = beforeEachMerge((changes) => {
      slices.push(changes.length);
      // Each slice is taken before anything of the flood is drawn.
      drawn.push(store.visible.length);
    });
    try {
      m.handlers.onData(batch(m, rowsOf(4500, 'svc')));
      await new Promise((r) => setTimeout(r, 160));
      expect(store.visible).toHaveLength(5100);
      // Merges of hundreds of rows take well under 4 ms here: up to twice as many each time, so
      // fewer merges than 4,500 rows in the first chunk's 500s.
      expect(slices.reduce((a, b) => a + b, 0)).toBe(4500);
      expect(slices.every((n, i) => i === 0 || n <= 2 * slices[i - 1]!)).toBe(true);
      expect(slices.length).toBeLessThan(9);
      expect(drawn.every((n) => n === 600)).toBe(true);
    } finally {
      restore();
    }
  });

  it('takes changes for about 8 ms per task, half as many per merge after a slow one: a drawing shows what was taken', async () => {
    const store = useServicesStore();
    await store.sync([{ context: 'a', namespace: null }]);
    const m = made[0]!;
    const slices: number[] = [];
    const restore = beforeEachMerge((changes) => {
      slices.push(changes.length);
      slowly(changes);
    });
    try {
      m.handlers.onData(batch(m, rowsOf(3000, 'svc')));
      await frame();
      // The first frame took one merge of 500 (10 ms, over the task's 8): it drew those.
      expect(store.visible).toHaveLength(500);
      await new Promise((r) => setTimeout(r, 400));
      expect(store.visible).toHaveLength(3000);
      expect(slices[0]).toBe(500);
      expect(slices.slice(1).every((n) => n <= 250)).toBe(true);
    } finally {
      restore();
    }
  });

  it('lets rows go on the next frame even while a flood lasts (a cluster unticked)', async () => {
    const { store, m } = await flooded();
    m.handlers.onData(batch(m, [row('a', 'late')]));
    await store.sync([]);
    await frame();
    expect(store.visible).toEqual([]);
  });

  it('lets every row of a cluster go on the next frame, however long taking them takes', async () => {
    const store = useServicesStore();
    await store.sync([{ context: 'a', namespace: null }]);
    const m = made[0]!;
    m.handlers.onData(batch(m, rowsOf(3000, 'svc')));
    await new Promise((r) => setTimeout(r, 200));
    expect(store.visible).toHaveLength(3000);
    // On a slow machine the 3,000 rows leaving take 60 ms, well over a task's 8.
    const restore = beforeEachMerge(slowly);
    try {
      await store.sync([]);
      await frame();
      expect(store.visible).toEqual([]);
    } finally {
      restore();
    }
  });

  it('drops a scope no longer wanted, with its rows', async () => {
    const store = useServicesStore();
    await store.sync([{ context: 'a', namespace: null }, { context: 'b', namespace: null }]);
    made[1]!.handlers.onData(batch(made[1]!, [row('b', 'db')]));
    await store.sync([{ context: 'a', namespace: null }]);
    await frame();
    expect(made[1]!.closed).toBe(true);
    expect(store.visible).toEqual([]);
    expect(store.countByContext.get('b')).toBe(0);
  });

  it('says per context why a scope could not start', async () => {
    refuse = 'b';
    const store = useServicesStore();
    await store.sync([{ context: 'a', namespace: null }, { context: 'b', namespace: null }]);
    expect(Object.fromEntries(store.errorsByContext)).toEqual({ b: 'context "b" is not connected' });
    refuse = null;
    await store.sync([{ context: 'a', namespace: null }]);
    expect(store.errorsByContext.size).toBe(0);
  });

  it('follows the same scopes again when core released the page', async () => {
    const store = useServicesStore();
    await store.sync([{ context: 'a', namespace: 'shop' }]);
    const status = { clientId: 'p', subscriptionId: made[0]!.id, context: 'a', namespace: 'shop', synced: false, stale: true, retryAt: null };
    made[0]!.handlers.onStatus?.({ ...status, phase: 'watching', error: null });
    expect(store.statusByContext.get('a')).toHaveLength(1);
    made[0]!.handlers.onStatus?.({ ...status, phase: 'stopped', error: { kind: 'released', message: 'away' } });
    await vi.waitFor(() => expect(made).toHaveLength(2));
    expect(made[1]!.target).toEqual({ kind: 'rows', rows: 'services', context: 'a', namespace: 'shop' });
  });
});
