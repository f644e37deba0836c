import { describe, expect, it } from 'vitest';
import type { WatchStatus } from '../../../electron/api/types';
import { listStatus } from '../../../renderer/src/model/list-status';

const status = (patch: Partial<WatchStatus>): WatchStatus => ({
  clientId: 'c', subscriptionId: 's', context: 'a', namespace: null, phase: 'watching', synced: true, stale: false, error: null, retryAt: null, ...patch,
});

describe('listStatus', () => {
  it('is live when every stream synced, loading until then', () => {
    expect(listStatus([status({})], undefined, 'connected')).toEqual({ state: 'live', message: null, connection: null });
    expect(listStatus([status({ phase: 'listing', synced: false })], undefined, 'connected').state).toBe('loading');
    expect(listStatus([], undefined, 'connecting').state).toBe('loading');
  });

  it('says a never-connected cluster is offline by its connection state, not "loading"', () => {
    expect(listStatus([], undefined, 'unauthorized')).toEqual({ state: 'offline', message: null, connection: 'unauthorized' });
  });

  it('says why a subscription could not start', () => {
    expect(listStatus([], 'context "b" is not connected', 'idle')).toEqual({ state: 'error', message: 'context "b" is not connected', connection: null });
  });

  it('marks rows stale as soon as the connection check fails, before the streams notice', () => {
    expect(listStatus([status({})], undefined, 'unreachable')).toEqual({ state: 'stale', message: null, connection: 'unreachable' });
    expect(listStatus([status({ stale: true, phase: 'backoff', error: { kind: 'unreachable', message: 'ECONNREFUSED' } })], undefined, 'connected'))
      .toEqual({ state: 'stale', message: 'ECONNREFUSED', connection: null });
  });

  it('puts denied before stale, and a failing unsynced stream as an error', () => {
    expect(listStatus([status({ stale: true }), status({ phase: 'denied', synced: false, error: { kind: 'forbidden', message: 'no' } })], undefined, 'connected'))
      .toMatchObject({ state: 'denied', message: 'no' });
    expect(listStatus([status({ phase: 'backoff', synced: false, error: { kind: 'server-error', message: '500' } })], undefined, 'connected'))
      .toMatchObject({ state: 'error', message: '500' });
  });
});
