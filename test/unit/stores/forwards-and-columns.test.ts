// The port-forwards store (core's list and events, a failed start said per Service port) and the
// table-columns store (the user's columns kept in this window's storage, a broken value ignored).
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortForwardInfo } from '../../../electron/api/types';

const listeners = new Map<string, (payload: unknown) => void>();
const forward = { id: 'f1', context: 'a', namespace: 'shop', service: 'web', servicePort: 80, url: 'http://127.0.0.1:5000' } as PortForwardInfo;
const fake = {
  on: vi.fn((event: string, listener: (payload: unknown) => void) => {
    listeners.set(event, listener);
    return () => listeners.delete(event);
  }),
  listPortForwards: vi.fn(async () => [] as PortForwardInfo[]),
  startPortForward: vi.fn(async () => ({ ok: true, forward })),
  stopPortForward: vi.fn(async () => null),
};
vi.mock('../../../renderer/src/api/portolan', () => ({ api: fake }));
const storage = new Map<string, string>();
vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
const { usePortForwardsStore } = await import('../../../renderer/src/stores/port-forwards');
const { useTableColumnsStore } = await import('../../../renderer/src/stores/table-columns');
const { DEFAULT_HIDDEN } = await import('../../../renderer/src/model/table-columns');

beforeEach(() => {
  setActivePinia(createPinia());
  listeners.clear();
  storage.clear();
  vi.clearAllMocks();
});

describe('port-forwards store', () => {
  const target = { context: 'a', namespace: 'shop', service: 'web', port: 80 };
  it('follows core\'s list, adds a started forward at once, and drops a stopped one', async () => {
    const store = usePortForwardsStore();
    store.follow();
    await store.start(target);
    expect(store.of(target)?.url).toBe('http://127.0.0.1:5000');
    listeners.get('portForwards')?.([forward]);
    expect(store.list).toHaveLength(1);
    await store.stop('f1');
    expect(store.of(target)).toBeUndefined();
  });

  it('says per Service port why a start failed, until it is tried again', async () => {
    fake.startPortForward.mockResolvedValueOnce({ ok: false, explanation: { code: 'portForward.noReadyPod', params: { selector: 'app=web' } } } as never);
    const store = usePortForwardsStore();
    await store.start(target);
    expect(store.failures.get(store.keyOf(target))).toMatchObject({ code: 'portForward.noReadyPod' });
    await store.start(target);
    expect(store.failures.has(store.keyOf(target))).toBe(false);
  });
});

describe('table-columns store', () => {
  it('keeps the user\'s columns and widths, and starts over from the defaults', async () => {
    const store = useTableColumnsStore();
    store.toggle('selector');
    store.setWidth('name', 5);
    await vi.waitFor(() => expect(JSON.parse(storage.get('portolan.serviceColumns') ?? '{}').widths).toBeDefined());
    const kept = JSON.parse(storage.get('portolan.serviceColumns')!);
    expect(kept.hidden.includes('selector')).toBe(!DEFAULT_HIDDEN.includes('selector'));
    expect(kept.widths.name).toBeGreaterThan(5); // clamped to the least a column may be
    setActivePinia(createPinia());
    expect(useTableColumnsStore().choice).toEqual(kept);
    useTableColumnsStore().reset();
    expect(useTableColumnsStore().choice).toEqual({ hidden: [...DEFAULT_HIDDEN], widths: {} });
  });

  it('ignores a broken saved value', () => {
    storage.set('portolan.serviceColumns', '{"hidden": 3');
    expect(useTableColumnsStore().choice).toEqual({ hidden: [...DEFAULT_HIDDEN], widths: {} });
  });
});
