// Faults, on clusters of this file's own (it kills API servers): a dead API server keeps its rows
// visible and marked stale while the other cluster updates, and the list converges to exactly the
// server's once it is back; a watch that comes back after etcd was compacted relists (410 Gone).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { startClusters, stopClusters, type ClusterSet } from '../cluster/clusters';
import type { TestCluster } from '../cluster/test-cluster';
import { RowCollector } from '../support/row-collector';
import { eventually, uniqueNamespace } from './clusters';

const dir = join(process.cwd(), '.clusters', 'faults');
let set: ClusterSet;
let core: PortolanCore;
const CLIENT = 'service-faults-test';

beforeAll(async () => {
  set = await startClusters({ count: 2, dir });
  core = createPortolanCore({
    transport: 'browser',
    kubeconfigPaths: [{ path: set.kubeconfig, origin: 'env' }],
    stateDir: null,
    connections: { healthIntervalMs: 1000 },
    // A fixed, known reconnect delay, so the test can act while a stream is away.
    watch: { backoff: { initialMs: 6000, maxMs: 6000, jitter: false } },
  });
  await core.ready;
  for (const context of ['portolan-a', 'portolan-b']) await core.handlers.connect({ context });
  await eventually('both connected', async () =>
    ((await core.handlers.connectionStatuses(undefined)).filter((s) => s.state === 'connected').length === 2 ? true : undefined));
}, 120_000);
afterAll(async () => {
  await core?.dispose();
  await stopClusters(dir);
});

async function subscribe(context: string, namespace: string): Promise<RowCollector> {
  let id: string | null = null;
  const rows = new RowCollector(core, () => id);
  id = (await core.handlers.watchRows({ clientId: CLIENT, kind: 'services', context, namespace })).subscriptionId;
  return rows;
}

async function createServices(cluster: TestCluster, namespace: string, names: string[]): Promise<void> {
  await cluster.kubectl(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: names.map((name) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ port: 80 }] } })),
  }));
}

async function serverVersions(cluster: TestCluster, namespace: string): Promise<Map<string, string>> {
  const list = JSON.parse(await cluster.kubectl(['get', 'services', '-n', namespace, '-o', 'json'])) as { items: Array<{ metadata: { uid: string; resourceVersion: string } }> };
  return new Map(list.items.map((s) => [s.metadata.uid, s.metadata.resourceVersion]));
}

const rowVersions = (rows: RowCollector): Map<string, string> => new Map([...rows.rows.values()].map((r) => [r.uid, r.resourceVersion]));

describe('when an API server goes away', () => {
  it('keeps its rows, marked stale, lets the other cluster update, and converges when it returns', async () => {
    const [a, b] = set.clusters as [TestCluster, TestCluster];
    const namespace = uniqueNamespace('faults');
    await Promise.all([a, b].map((c) => c.kubectl(['create', 'namespace', namespace])));
    await Promise.all([a, b].map((c) => createServices(c, namespace, ['one', 'two', 'three'])));
    const rowsA = await subscribe('portolan-a', namespace);
    const rowsB = await subscribe('portolan-b', namespace);
    await eventually('both lists', async () => (rowsA.rows.size === 3 && rowsB.rows.size === 3 ? true : undefined));

    await a.stopApiServer();
    await eventually('a is stale', async () => (rowsA.lastStatus?.stale ? true : undefined));
    expect(rowsA.lastStatus).toMatchObject({ synced: true, phase: 'backoff', error: { kind: 'unreachable' } });
    expect(rowsA.rows.size).toBe(3);

    await createServices(b, namespace, ['four']);
    await eventually('b keeps updating', async () => (rowsB.rows.size === 4 ? true : undefined));
    expect(rowsB.lastStatus?.stale).toBe(false);

    await a.restartApiServer();
    await createServices(a, namespace, ['four', 'five']);
    await a.kubectl(['delete', 'service', 'one', '-n', namespace]);
    const server = await serverVersions(a, namespace);
    await eventually('a converges to the server', async () => (JSON.stringify([...rowVersions(rowsA)].sort()) === JSON.stringify([...server].sort()) ? true : undefined), 30_000);
    expect(rowsA.lastStatus).toMatchObject({ phase: 'watching', stale: false });
    expect(rowsA.rows.size).toBe(4);
    rowsA.close();
    rowsB.close();
  });

  it('relists when its resourceVersion was compacted away (410 Gone), losing and duplicating nothing', async () => {
    const [a] = set.clusters as [TestCluster];
    const namespace = uniqueNamespace('gone');
    await a.kubectl(['create', 'namespace', namespace]);
    await createServices(a, namespace, ['keep', 'drop']);
    const rows = await subscribe('portolan-a', namespace);
    await eventually('synced', async () => (rows.rows.size === 2 ? true : undefined));
    const key = `portolan-a|/v1/services@${namespace}`;
    expect(core.streamStats()[key]?.lists).toBe(1);

    await a.stopApiServer();
    await a.restartApiServer();
    await createServices(a, namespace, ['added-while-away']);
    await a.kubectl(['delete', 'service', 'drop', '-n', namespace]);
    const revision = await a.compactEtcd();
    const server = await serverVersions(a, namespace);
    await eventually('relisted and converged', async () => (JSON.stringify([...rowVersions(rows)].sort()) === JSON.stringify([...server].sort()) ? true : undefined), 30_000);
    console.log(`[service-faults] compacted etcd at revision ${revision}; stream stats ${JSON.stringify(core.streamStats()[key])}`);
    expect(core.streamStats()[key]?.lists).toBeGreaterThanOrEqual(2);
    expect([...rows.rows.values()].map((r) => r.name).sort()).toEqual(['added-while-away', 'keep']);
    rows.close();
  });
});
