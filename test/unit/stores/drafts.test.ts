// The drafts store against a fake api: one event listener however many views follow, the list as
// core last sent it, and a live Service saved as a draft without what its cluster set.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { DraftList } from '../../../electron/api/types';

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const fake = {
  on: vi.fn((event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  }),
  listDrafts: vi.fn(async (): Promise<DraftList> => ({ folder: '/d', isDefault: true, drafts: [], problem: null })),
  saveDraft: vi.fn(async (request: { text: string }) => ({ ok: true, draft: { file: 'web.yaml', text: request.text } })),
};
vi.mock('../../../renderer/src/api/portolan', () => ({ api: fake }));
const { useDraftsStore } = await import('../../../renderer/src/stores/drafts');

const emit = (event: string, payload: unknown): void => listeners.get(event)?.forEach((l) => l(payload));
const list = (files: string[]): DraftList => ({
  folder: '/d', isDefault: true, problem: null,
  drafts: files.map((file) => ({ file, version: 'v', modifiedAt: '', name: null, namespace: null, alias: null, type: null, problem: null, targets: [], validation: null, applied: [] })),
});

beforeEach(() => {
  setActivePinia(createPinia());
  listeners.clear();
  vi.clearAllMocks();
});

describe('drafts store', () => {
  it('listens once for all its followers, and stops when the last one goes', async () => {
    const store = useDraftsStore();
    const stopSidebar = store.follow();
    const stopView = store.follow();
    expect(fake.on).toHaveBeenCalledTimes(1);
    expect(fake.listDrafts).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(store.list).not.toBeNull());
    emit('draftsChanged', list(['a.yaml', 'b.yaml']));
    expect(store.drafts.map((d) => d.file)).toEqual(['a.yaml', 'b.yaml']);
    stopView();
    emit('draftsChanged', list(['a.yaml']));
    expect(store.byFile('b.yaml')).toBeUndefined();
    stopSidebar();
    emit('draftsChanged', list([]));
    expect(store.drafts).toHaveLength(1); // nobody follows: the last list stays as it was
  });

  it('saves a live Service as a draft without status, bookkeeping or its cluster IPs', async () => {
    const store = useDraftsStore();
    await store.saveLive({
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'web', namespace: 'shop', uid: 'u', resourceVersion: '7', creationTimestamp: 't', managedFields: [{}] },
      spec: { clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ports: [{ port: 80 }] }, status: { loadBalancer: {} },
    }, [{ context: 'b', namespace: 'shop' }]);
    const sent = fake.saveDraft.mock.calls[0]![0] as { text: string; file: null; expectedVersion: null; targets: unknown };
    expect(sent).toMatchObject({ file: null, expectedVersion: null, targets: [{ context: 'b', namespace: 'shop' }] });
    expect(parse(sent.text)).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } });
  });
});
