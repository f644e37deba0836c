// Live subscriptions route events by the id the page chose, so an event that overtakes the call's
// answer still reaches its handler; other pages' events are dropped; close unwatches once; a stopped
// stream or a refused call leaves nothing behind.
import { describe, expect, it } from 'vitest';
import type { RowsBatch, WatchStatus } from '../../../electron/api/types';
import { liveSubscriptions } from '../../../renderer/src/api/live';

function fakeApi() {
  const listeners = new Map<string, Array<(payload: unknown) => void>>();
  const emit = (event: string, payload: unknown): void => listeners.get(event)?.forEach((l) => l(payload));
  const calls: string[] = [];
  let refuse = false;
  const api = {
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
    watchRows: async (input: { clientId: string; subscriptionId?: string; kind: string; context: string }) => {
      calls.push(`watch ${input.clientId} ${input.kind} ${input.context}`);
      // The first batch overtakes the answer.
      emit('rows', batch(input.subscriptionId!, 'early'));
      if (refuse) throw new Error('context "b" is not connected');
      return { subscriptionId: input.subscriptionId! };
    },
    watchServiceDetail: async () => ({ subscriptionId: 'unused' }),
    unwatch: async ({ subscriptionId }: { subscriptionId: string }) => {
      calls.push(`unwatch ${subscriptionId}`);
      return null;
    },
  };
  return { api, emit, calls, refuseNext: () => (refuse = true) };
}

const batch = (subscriptionId: string, name: string): RowsBatch<'services'> => ({
  clientId: 'page-1234', subscriptionId, kind: 'services', context: 'a', namespace: null, deleted: [],
  upserted: [{ name } as RowsBatch<'services'>['upserted'][number]],
});
const status = (subscriptionId: string, phase: WatchStatus['phase']): WatchStatus => ({
  clientId: 'page-1234', subscriptionId, context: 'a', namespace: null, phase, synced: false, stale: false, error: null, retryAt: null,
});

describe('live subscriptions', () => {
  it('delivers events that overtake the answer, drops other ids, and unwatches once on close', async () => {
    const { api, emit, calls } = fakeApi();
    const subscribe = liveSubscriptions(api as never, 'page-1234');
    const names: string[] = [];
    const live = subscribe({ kind: 'rows', rows: 'services', context: 'a', namespace: null }, { onData: (b) => names.push(b.upserted[0]!.name) });
    await live.started;
    emit('rows', batch(live.id, 'later'));
    emit('rows', batch(crypto.randomUUID(), 'someone else'));
    live.close();
    live.close();
    emit('rows', batch(live.id, 'after close'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(names).toEqual(['early', 'later']);
    expect(calls).toEqual(['watch page-1234 services a', `unwatch ${live.id}`]);
  });

  it('asks core for the row kind the page named', async () => {
    const { api, calls } = fakeApi();
    const subscribe = liveSubscriptions(api as never, 'page-1234');
    await subscribe({ kind: 'rows', rows: 'routes', context: 'a', namespace: 'shop' }, { onData: () => undefined }).started;
    await subscribe({ kind: 'rows', rows: 'workloads', context: 'a', namespace: 'shop' }, { onData: () => undefined }).started;
    expect(calls).toEqual(['watch page-1234 routes a', 'watch page-1234 workloads a']);
  });

  it('ends with a stopped status (nothing to unwatch), and a refused call leaves no route', async () => {
    const { api, emit, calls, refuseNext } = fakeApi();
    const subscribe = liveSubscriptions(api as never, 'page-1234');
    const phases: string[] = [];
    const live = subscribe({ kind: 'rows', rows: 'services', context: 'a', namespace: null }, { onData: () => undefined, onStatus: (s) => phases.push(s.phase) });
    await live.started;
    emit('watchStatus', status(live.id, 'watching'));
    emit('watchStatus', status(live.id, 'stopped'));
    emit('watchStatus', status(live.id, 'watching'));
    live.close();
    expect(phases).toEqual(['watching', 'stopped']);

    refuseNext();
    const names: string[] = [];
    const refused = subscribe({ kind: 'rows', rows: 'services', context: 'b', namespace: null }, { onData: (b) => names.push(b.upserted[0]!.name) });
    await expect(refused.started).rejects.toThrow('not connected');
    emit('rows', batch(refused.id, 'late'));
    refused.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(names).toEqual(['early']);
    expect(calls.filter((c) => c.startsWith('unwatch'))).toEqual([]);
  });
});
