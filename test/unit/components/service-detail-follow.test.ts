// The detail page's follow of one Service: retried while its context connects, given up after the
// last attempt, and followed again when core released the page's subscriptions.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceDetail, WatchStatus } from '../../../electron/api/types';

type Handlers = { onData(d: ServiceDetail): void; onStatus?(s: WatchStatus): void };
const made: Array<{ handlers: Handlers; closed: boolean }> = [];
let refusals = 0;
const fake = {
  subscribe: vi.fn((_target: unknown, handlers: Handlers) => {
    const entry = { handlers, closed: false };
    made.push(entry);
    const refuse = refusals > 0;
    if (refuse) refusals--;
    return { id: `s${made.length}`, started: refuse ? Promise.reject(new Error('context "a" is not connected')) : Promise.resolve(), close: () => (entry.closed = true) };
  }),
  api: { connect: vi.fn(async () => ({})) },
};
vi.mock('../../../renderer/src/api/portolan', () => ({ api: fake.api, subscribe: fake.subscribe }));
const { followServiceDetail } = await import('../../../renderer/src/components/detail/use-service-detail');

const target = { context: 'a', namespace: 'shop', name: 'web' };
beforeEach(() => {
  made.length = 0;
  refusals = 0;
  vi.clearAllMocks();
});

describe('following a Service on the detail page', () => {
  it('retries while the context connects, asking it to connect, then follows', async () => {
    refusals = 2;
    const f = followServiceDetail(target, { retryMs: 1 });
    await f.follow();
    expect(made).toHaveLength(3);
    expect(made.slice(0, 2).every((m) => m.closed)).toBe(true); // each retry replaced the one before
    expect(fake.api.connect).toHaveBeenCalledTimes(2);
    expect(f.error.value).toBeNull();
    made[2]!.handlers.onData({ subscriptionId: 's3' } as ServiceDetail);
    expect(f.detail.value).toMatchObject({ subscriptionId: 's3' });
    expect(f.gaveUp.value).toBe(false);
  });

  it('gives up after the last attempt, with the reason, and starts over on request', async () => {
    refusals = 3;
    const f = followServiceDetail(target, { attempts: 3, retryMs: 1 });
    await f.follow();
    expect(f.gaveUp.value).toBe(true);
    expect(f.error.value).toBe('context "a" is not connected');
    await f.follow();
    expect(f.gaveUp.value).toBe(false);
    expect(made).toHaveLength(4);
  });

  it('follows again when core released the page, and not after it was closed', async () => {
    const f = followServiceDetail(target, { retryMs: 1 });
    await f.follow();
    made[0]!.handlers.onStatus?.({ phase: 'stopped', error: { kind: 'released', message: 'away' } } as WatchStatus);
    await vi.waitFor(() => expect(made).toHaveLength(2));
    f.close();
    expect(made[1]!.closed).toBe(true);
    made[1]!.handlers.onStatus?.({ phase: 'stopped', error: { kind: 'released', message: 'away' } } as WatchStatus);
    expect(made).toHaveLength(2);
  });
});
