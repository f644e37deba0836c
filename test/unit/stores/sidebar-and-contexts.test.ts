// The sidebar's choices (remembered by core, saved once the user pauses) and the contexts list
// (answers and contextsChanged events), against a fake api.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContextList, UiState } from '../../../electron/api/types';

const listeners = new Map<string, (payload: unknown) => void>();
const saved: UiState = { pinned: ['prod'], selected: ['prod'], namespaces: { prod: ['shop'] }, groupBy: 'server' };
const list = (names: string[]): ContextList => ({ contexts: names.map((name) => ({ name })), files: [], currentContext: null } as unknown as ContextList);
const fake = {
  on: vi.fn((event: string, listener: (payload: unknown) => void) => {
    listeners.set(event, listener);
    return () => listeners.delete(event);
  }),
  getUiState: vi.fn(async () => structuredClone(saved)),
  setUiState: vi.fn(async (ui: UiState) => ui),
  listContexts: vi.fn(async () => list(['prod', 'dev'])),
  addKubeconfigFile: vi.fn(async () => list(['prod', 'dev', 'kind'])),
};
vi.mock('../../../renderer/src/api/portolan', () => ({ api: fake }));
const { useSidebarStore } = await import('../../../renderer/src/stores/sidebar');
const { useContextsStore } = await import('../../../renderer/src/stores/contexts');

beforeEach(() => {
  setActivePinia(createPinia());
  listeners.clear();
  vi.clearAllMocks();
});

describe('sidebar store', () => {
  it('starts from what core remembers, and saves a burst of changes once', async () => {
    const sidebar = useSidebarStore();
    await sidebar.load();
    expect(sidebar.namespacesOf('prod')).toEqual(['shop']);
    expect(sidebar.namespacesOf('dev')).toEqual([]);
    sidebar.toggleSelected('dev');
    sidebar.togglePinned('prod');
    sidebar.selectOnly('dev', 'payments');
    await vi.waitFor(() => expect(fake.setUiState).toHaveBeenCalledTimes(1), { timeout: 1000 });
    expect(fake.setUiState).toHaveBeenCalledWith({ pinned: [], selected: ['dev'], namespaces: { prod: ['shop'], dev: ['payments'] }, groupBy: 'server' });
  });

  it('saves nothing before it loaded (the first state would overwrite what core remembers)', async () => {
    const sidebar = useSidebarStore();
    sidebar.toggleSelected('dev');
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.setUiState).not.toHaveBeenCalled();
  });

  it('keeps a context ticked before the remembered choices arrived, takes the rest, and saves that', async () => {
    let answer: (ui: UiState) => void = () => undefined;
    fake.getUiState.mockImplementationOnce(() => new Promise<UiState>((resolve) => (answer = resolve)));
    const sidebar = useSidebarStore();
    const loading = sidebar.load();
    sidebar.toggleSelected('dev');
    answer(structuredClone(saved));
    await loading;
    expect(sidebar.selected).toEqual(['dev']);
    expect(sidebar.pinned).toEqual(['prod']);
    expect(sidebar.namespacesOf('prod')).toEqual(['shop']);
    await vi.waitFor(() => expect(fake.setUiState).toHaveBeenCalledTimes(1), { timeout: 1000 });
    expect(fake.setUiState).toHaveBeenCalledWith({ pinned: ['prod'], selected: ['dev'], namespaces: { prod: ['shop'] }, groupBy: 'server' });
  });
});

describe('contexts store', () => {
  it('loads, follows contextsChanged, and takes the list an added file answers with', async () => {
    const contexts = useContextsStore();
    await contexts.load();
    expect([...contexts.byName.keys()]).toEqual(['prod', 'dev']);
    contexts.follow();
    listeners.get('contextsChanged')?.(list(['prod']));
    expect(contexts.contexts.map((c) => c.name)).toEqual(['prod']);
    await contexts.addFile('/home/me/.kube/kind');
    expect(contexts.contexts.map((c) => c.name)).toEqual(['prod', 'dev', 'kind']);
  });

  it('says why the kubeconfig could not be read', async () => {
    fake.listContexts.mockRejectedValueOnce(new Error('core is gone'));
    const contexts = useContextsStore();
    await contexts.load();
    expect(contexts.error).toBe('core is gone');
    expect(contexts.loading).toBe(false);
  });
});
