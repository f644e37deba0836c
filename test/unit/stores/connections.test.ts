// The connections store against a fake api: answers and events race and the newer revision wins;
// a connected context's namespaces are read; a refused connect is said per context.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus, NamespaceList } from '../../../electron/api/types';

const listeners = new Map<string, (payload: unknown) => void>();
const fake = {
  on: vi.fn((event: string, listener: (payload: unknown) => void) => {
    listeners.set(event, listener);
    return () => listeners.delete(event);
  }),
  connect: vi.fn(async ({ context }: { context: string }): Promise<ConnectionStatus> => status(context, 'connecting', 5)),
  listNamespaces: vi.fn(async ({ context }: { context: string }): Promise<NamespaceList> => ({ context, revision: 1, namespaces: ['default', 'shop'] } as NamespaceList)),
  disconnect: vi.fn(async () => null),
  connectionStatuses: vi.fn(async (): Promise<ConnectionStatus[]> => [status('a', 'connected', 3), status('b', 'unreachable', 2)]),
};
vi.mock('../../../renderer/src/api/portolan', () => ({ api: fake }));
const { useConnectionsStore } = await import('../../../renderer/src/stores/connections');

function status(context: string, state: ConnectionStatus['state'], revision: number): ConnectionStatus {
  return { context, revision, state, serverVersion: null, rttMs: null, identity: null, problem: null, retryAt: null };
}
const event = (name: string, payload: unknown): void => listeners.get(name)?.(payload);

beforeEach(() => {
  setActivePinia(createPinia());
  listeners.clear();
  vi.clearAllMocks();
});

describe('connections store', () => {
  it('starts from what core holds: a connected context is known at once, its namespaces read', async () => {
    const store = useConnectionsStore();
    await store.load();
    expect([...store.statuses.values()].map((s) => `${s.context} ${s.state}`)).toEqual(['a connected', 'b unreachable']);
    await vi.waitFor(() => expect(store.namespaces.get('a')?.namespaces).toEqual(['default', 'shop']));
    expect(fake.listNamespaces).toHaveBeenCalledTimes(1);
    expect(fake.connect).not.toHaveBeenCalled();
  });

  it('keeps the newer of an answer and an event, and reads a connected context\'s namespaces', async () => {
    const store = useConnectionsStore();
    const stop = store.follow();
    event('connectionChanged', status('a', 'connected', 7));
    await store.connect('a'); // its answer (revision 5) is older than the event
    expect(store.statuses.get('a')?.state).toBe('connected');
    await vi.waitFor(() => expect(store.namespaces.get('a')?.namespaces).toEqual(['default', 'shop']));
    event('connectionChanged', status('a', 'idle', 9));
    expect(store.namespaces.has('a')).toBe(false);
    stop();
    event('connectionChanged', status('a', 'connected', 10));
    expect(store.statuses.get('a')?.revision).toBe(9);
  });

  it('says per context why a connect was refused, and forgets it once one works', async () => {
    const store = useConnectionsStore();
    fake.connect.mockRejectedValueOnce(new Error('there is no context named "b" in the kubeconfig'));
    await store.connect('b');
    expect(store.errors.get('b')).toMatch(/no context named "b"/);
    await store.connect('b');
    expect(store.errors.has('b')).toBe(false);
    await store.disconnect('b');
    expect(store.statuses.has('b')).toBe(false);
  });
});
