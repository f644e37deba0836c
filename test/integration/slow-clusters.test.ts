// Slow and silent clusters (a real API server behind a latency proxy): they take their time or time
// out with a reason in words, while a healthy cluster in the same core connects and lists at once.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { startLatencyProxy, type LatencyProxy } from '../support/latency-proxy';
import { RowCollector } from '../support/row-collector';
import { eventually, testClusters } from './clusters';

const set = testClusters();
let slow: LatencyProxy;
let silent: LatencyProxy;
let core: PortolanCore;

interface Kubeconfig {
  clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  users: unknown[];
}

beforeAll(async () => {
  const server = set.clusters[0]!.server;
  slow = await startLatencyProxy(server, { delayMs: 400 });
  silent = await startLatencyProxy(server, { hang: true });
  const doc = JSON.parse(readFileSync(set.kubeconfig, 'utf8')) as Kubeconfig;
  const a = doc.clusters.find((c) => c.name === 'portolan-a')!;
  const user = doc.contexts.find((c) => c.name === 'portolan-a')!.context.user;
  doc.clusters.push({ name: 'slow', cluster: { ...a.cluster, server: slow.url } }, { name: 'silent', cluster: { ...a.cluster, server: silent.url } });
  doc.contexts.push({ name: 'slow', context: { cluster: 'slow', user } }, { name: 'silent', context: { cluster: 'silent', user } });
  const file = join(mkdtempSync(join(tmpdir(), 'portolan-slow-')), 'config');
  writeFileSync(file, JSON.stringify(doc));
  core = createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: file, origin: 'env' }], stateDir: null });
  await core.ready;
});
afterAll(async () => {
  await core?.dispose();
  await Promise.all([slow?.close(), silent?.close()]);
});

const stateOf = async (context: string): Promise<string | undefined> =>
  (await core.handlers.connectionStatuses(undefined)).find((s) => s.context === context)?.state;

describe('slow and silent clusters', () => {
  it('lists a healthy cluster at once while a slow one connects, and a silent one times out with a reason', async () => {
    const began = Date.now();
    for (const context of ['silent', 'slow', 'portolan-a']) await core.handlers.connect({ context });

    await eventually('portolan-a connected', async () => ((await stateOf('portolan-a')) === 'connected' ? true : undefined));
    let id: string | null = null;
    const rows = new RowCollector(core, () => id);
    id = (await core.handlers.watchRows({ clientId: 'slow-test', kind: 'services', context: 'portolan-a', namespace: 'default' })).subscriptionId;
    await eventually('portolan-a listed', async () => (rows.lastStatus?.synced ? true : undefined));
    const healthyMs = Date.now() - began;
    expect(await stateOf('slow')).toBe('connecting');
    console.log(`[slow-clusters] healthy cluster connected and listed in ${healthyMs} ms while the slow one was still connecting`);
    expect(healthyMs).toBeLessThan(3000);

    // Every round trip through the slow proxy costs ~800 ms; the connection gets there all the same.
    await eventually('slow connected', async () => ((await stateOf('slow')) === 'connected' ? true : undefined), 30_000);
    const slowStatus = (await core.handlers.connectionStatuses(undefined)).find((s) => s.context === 'slow')!;
    expect(slowStatus.rttMs).toBeGreaterThanOrEqual(700);

    // The silent one: the health check gives up after 5 s (so a frozen server shows within about 10 s) and says why; the others are untouched.
    const silentStatus = await eventually('silent unreachable', async () => {
      const status = (await core.handlers.connectionStatuses(undefined)).find((s) => s.context === 'silent');
      return status?.state === 'unreachable' ? status : undefined;
    }, 20_000);
    expect(silentStatus.problem).toMatchObject({ code: 'connection.unreachable', params: { detail: expect.stringMatching(/did not answer within 5 s/) } });
    expect(await stateOf('portolan-a')).toBe('connected');

    // The slow cluster's list arrives too, just later.
    let slowId: string | null = null;
    const slowRows = new RowCollector(core, () => slowId);
    slowId = (await core.handlers.watchRows({ clientId: 'slow-test', kind: 'services', context: 'slow', namespace: 'default' })).subscriptionId;
    await eventually('slow listed', async () => (slowRows.lastStatus?.synced ? true : undefined), 30_000);
    expect([...slowRows.rows.values()].map((r) => r.name)).toContain('kubernetes');
    rows.close();
    slowRows.close();
  }, 60_000);
});
