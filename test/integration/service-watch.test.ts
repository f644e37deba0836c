// The watch engine against real clusters: shared streams, batched deltas in order, the EndpointSlice
// join, and streams that stop when the last subscriber leaves.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreOptions, PortolanCore } from '../../electron/core/portolan-core';
import { RowCollector } from '../support/row-collector';
import { connectedCore, eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [a] = set.clusters;
let core: PortolanCore;
const CLIENT = 'service-watch-test';

beforeAll(async () => {
  core = await connectedCore(set.kubeconfig, 'portolan-a');
});
afterAll(() => core.dispose());

function servicesList(namespace: string, count: number, prefix = 'svc'): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: Array.from({ length: count }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `${prefix}-${i}`, namespace, labels: { app: `${prefix}-${i}` }, annotations: { 'kubesphere.io/alias-name': `服务 ${i}` } },
      spec: { selector: { app: `${prefix}-${i}` }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    })),
  });
}

async function subscribe(namespace: string | null, on: PortolanCore = core): Promise<{ id: string; rows: RowCollector }> {
  let id: string | null = null;
  const rows = new RowCollector(on, () => id);
  id = (await on.handlers.watchRows({ clientId: CLIENT, kind: 'services', context: 'portolan-a', namespace })).subscriptionId;
  return { id, rows };
}

/** A core of its own (with `options`) and a new namespace of `count` Services named `prefix-<i>`, for `test`; the core ends after. */
async function withOwnCore(options: Partial<CoreOptions>, prefix: string, count: number, test: (own: PortolanCore, namespace: string) => Promise<void>): Promise<void> {
  const own = await connectedCore(set.kubeconfig, 'portolan-a', options);
  try {
    const namespace = uniqueNamespace(prefix);
    await a!.kubectl(['create', 'namespace', namespace]);
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, count, prefix));
    await test(own, namespace);
  } finally {
    await own.dispose();
  }
}

describe('service subscriptions', () => {
  it('start with the current Services, then follow creates, changes and deletes in batches', async () => {
    const namespace = uniqueNamespace('watch');
    await a!.kubectl(['create', 'namespace', namespace]);
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, 3, 'early'));
    const { id, rows } = await subscribe(namespace);
    await eventually('initial rows, their endpoints known', async () =>
      (rows.rows.size === 3 && [...rows.rows.values()].every((r) => r.endpoints !== null) ? true : undefined));
    expect(rows.byName('early-1')).toMatchObject({ alias: '服务 1', kind: 'virtual-ip', access: 'none', endpoints: { ready: 0, total: 0 } });
    expect(rows.lastStatus).toMatchObject({ phase: 'watching', synced: true, stale: false });

    // 100 Services at once arrive in batches, each at least ~25 ms after the last.
    const before = rows.batches.length;
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, 100, 'bulk'));
    await eventually('100 more rows', async () => (rows.rows.size === 103 ? true : undefined));
    const bulk = rows.batches.slice(before);
    const gaps = bulk.slice(1).map((b, i) => b.at - bulk[i]!.at);
    console.log(`[service-watch] 100 creates arrived in ${bulk.length} batches; smallest gap ${Math.min(...gaps).toFixed(0)} ms`);
    // While the flood lasts, at most one batch per ~25 ms: how many there are follows from how long
    // kubectl took to create them.
    const span = bulk.at(-1)!.at - bulk[0]!.at;
    expect(bulk.length).toBeLessThanOrEqual(Math.floor(span / 20) + 1);
    expect(bulk.every((b) => b.batch.upserted.length + b.batch.deleted.length > 0)).toBe(true);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(20);

    await a!.kubectl(['label', 'service', 'bulk-7', '-n', namespace, 'tier=web']);
    await eventually('modified row', async () => (rows.byName('bulk-7')?.labels.tier === 'web' ? true : undefined));
    const uid = rows.byName('bulk-8')!.uid;
    await a!.kubectl(['delete', 'service', 'bulk-8', '-n', namespace]);
    await eventually('deleted row', async () => (rows.rows.has(uid) ? undefined : true));
    expect(rows.batches.some((b) => b.batch.deleted.includes(uid))).toBe(true);

    // The rows equal what the server has, field for field that matters.
    const server = JSON.parse(await a!.kubectl(['get', 'services', '-n', namespace, '-o', 'json'])) as { items: Array<{ metadata: { uid: string; resourceVersion: string } }> };
    expect(new Map([...rows.rows.values()].map((r) => [r.uid, r.resourceVersion]))).toEqual(new Map(server.items.map((s) => [s.metadata.uid, s.metadata.resourceVersion])));
    await core.handlers.unwatch({ subscriptionId: id });
    rows.close();
  });

  it('sends a change that follows a quiet spell at once, without waiting for the batch interval', async () => {
    // A core whose flood interval is 3 s: a lone change must still arrive long before that.
    await withOwnCore({ batchMs: 3000 }, 'idle', 2, async (slow, namespace) => {
      const { rows } = await subscribe(namespace, slow);
      // The initial load ends when the endpoint counts follow the rows (at most one interval later).
      await eventually('initial rows, endpoints known', async () =>
        (rows.rows.size === 2 && [...rows.rows.values()].every((r) => r.endpoints !== null) ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 3500));
      await a!.kubectl(['label', 'service', 'idle-1', '-n', namespace, 'tier=web']);
      const labelled = performance.now();
      await eventually('changed row', async () => (rows.byName('idle-1')?.labels.tier === 'web' ? true : undefined));
      const arrived = rows.batches.find((b) => b.batch.upserted.some((r) => r.labels.tier === 'web'))!.at;
      expect(arrived - labelled).toBeLessThan(1500);
      rows.close();
    });
  });

  it("sends a list's pages at once, each as it arrives, without waiting for the batch interval", async () => {
    // Pages of 2 and a flood interval of 3 s: a list of 7 Services comes in 4 answers, none of them a flood.
    await withOwnCore({ batchMs: 3000, watch: { pageSize: 2, maxPageSize: 2, wholeRestMax: 0 } }, 'page', 7, async (paged, namespace) => {
      const asked = performance.now();
      const { rows } = await subscribe(namespace, paged);
      await eventually('7 rows', async () => (rows.rows.size === 7 ? true : undefined));
      const withRows = rows.batches.filter((b) => b.batch.upserted.length > 0);
      expect(withRows.slice(0, 4).map((b) => b.batch.upserted.length)).toEqual([2, 2, 2, 1]);
      expect(withRows[3]!.at - asked).toBeLessThan(1500);
      rows.close();
    });
  });

  it('sends each row once when only its EndpointSlices arrive and its endpoint counts stay the same', async () => {
    const namespace = uniqueNamespace('once');
    await a!.kubectl(['create', 'namespace', namespace]);
    const { id, rows } = await subscribe(namespace);
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, 20, 'once'));
    // The EndpointSlice controller writes one (empty) slice per Service soon after it.
    await eventually('20 slices', async () =>
      ((await a!.kubectl(['get', 'endpointslices', '-n', namespace, '-o', 'name'])).split('\n').filter(Boolean).length === 20 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sent = rows.batches.flatMap((b) => b.batch.upserted.map((r) => r.name));
    expect(sent.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `once-${i}`).sort());
    expect(rows.byName('once-3')?.endpoints).toEqual({ ready: 0, total: 0 });
    await core.handlers.unwatch({ subscriptionId: id });
    rows.close();
  });

  it('sends the rows first, endpoints unknown, and lists the EndpointSlices only once the Services are listed', async () => {
    const namespace = uniqueNamespace('first');
    await a!.kubectl(['create', 'namespace', namespace]);
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, 30, 'first'));
    await eventually('30 slices', async () =>
      ((await a!.kubectl(['get', 'endpointslices', '-n', namespace, '-o', 'name'])).split('\n').filter(Boolean).length === 30 ? true : undefined));
    const slicesKey = `portolan-a|discovery.k8s.io/v1/endpointslices@${namespace}`;
    const servicesKey = `portolan-a|/v1/services@${namespace}`;
    let atFirstBatch: ReturnType<PortolanCore['streamStats']> | null = null;
    const stop = core.events.listen((event, payload) => {
      if (event === 'rows' && (payload as { namespace: string | null }).namespace === namespace) atFirstBatch ??= core.streamStats();
    });
    const { id, rows } = await subscribe(namespace);
    await eventually('every endpoint count known', async () =>
      (rows.rows.size === 30 && [...rows.rows.values()].every((r) => r.endpoints !== null) ? true : undefined));
    stop();
    // The first rows went out once the Services were listed and before any EndpointSlice was, their counts unknown ('—').
    expect(atFirstBatch![servicesKey]?.lists).toBe(1);
    expect(atFirstBatch![slicesKey]?.lists ?? 0).toBe(0);
    expect(rows.batches[0]!.batch.upserted.every((r) => r.endpoints === null)).toBe(true);
    // Then each row once more, with its counts: twice in all, never more.
    const sent = rows.batches.flatMap((b) => b.batch.upserted.map((r) => r.name));
    expect(sent.length).toBe(60);
    expect(rows.byName('first-7')?.endpoints).toEqual({ ready: 0, total: 0 });
    await core.handlers.unwatch({ subscriptionId: id });
    rows.close();
  });

  it('joins EndpointSlices: ready and total endpoints follow the pods', async () => {
    const namespace = uniqueNamespace('endpoints');
    await a!.kubectl(['create', 'namespace', namespace]);
    const { id, rows } = await subscribe(namespace);
    await a!.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=8080', '-n', namespace]);
    await a!.kubectl(['expose', 'deployment', 'web', '--port=80', '--target-port=8080', '-n', namespace]);
    await eventually('2/2 endpoints', async () => (rows.byName('web')?.endpoints?.ready === 2 ? true : undefined));
    expect(rows.byName('web')!.endpoints).toEqual({ ready: 2, total: 2 });
    await a!.kubectl(['scale', 'deployment', 'web', '--replicas=3', '-n', namespace]);
    await eventually('3/3 endpoints', async () => (rows.byName('web')?.endpoints?.ready === 3 ? true : undefined));
    await a!.kubectl(['create', 'service', 'externalname', 'db', '--external-name=db.example.com', '-n', namespace]);
    await eventually('external name row', async () => rows.byName('db'));
    expect(rows.byName('db')).toMatchObject({ kind: 'headless-external-name', externalName: 'db.example.com', endpoints: null });
    await core.handlers.unwatch({ subscriptionId: id });
    rows.close();
  });

  it('shares one stream per cluster, resource and scope, and stops it when the last subscriber leaves', async () => {
    const namespace = uniqueNamespace('shared');
    await a!.kubectl(['create', 'namespace', namespace]);
    const first = await subscribe(namespace);
    const second = await subscribe(namespace);
    // The EndpointSlices stream starts once the Services are listed.
    await eventually('two streams', async () => (core.activeStreams().filter((k) => k.endsWith(`@${namespace}`)).length === 2 ? true : undefined));
    const streams = core.activeStreams().filter((k) => k.endsWith(`@${namespace}`));
    expect(streams.sort()).toEqual([`portolan-a|/v1/services@${namespace}`, `portolan-a|discovery.k8s.io/v1/endpointslices@${namespace}`].sort());
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, 2));
    await eventually('both see the rows', async () => (first.rows.rows.size === 2 && second.rows.rows.size === 2 ? true : undefined));
    await core.handlers.unwatch({ subscriptionId: first.id });
    expect(core.activeStreams().filter((k) => k.endsWith(`@${namespace}`))).toHaveLength(2);
    await core.handlers.unwatch({ subscriptionId: second.id });
    expect(core.activeStreams().filter((k) => k.endsWith(`@${namespace}`))).toEqual([]);
    // A stopped stream sends nothing more.
    const count = second.rows.batches.length;
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, 3, 'after'));
    await new Promise((r) => setTimeout(r, 500));
    expect(second.rows.batches.length).toBe(count);
    first.rows.close();
    second.rows.close();
  });

  it('takes the subscription id the caller chose (events addressed to the caller carry it), and refuses it twice', async () => {
    const namespace = uniqueNamespace('chosen');
    await a!.kubectl(['create', 'namespace', namespace]);
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, 2, 'chosen'));
    const id = crypto.randomUUID();
    const addressed: Array<string | null> = [];
    const stop = core.events.listen((event, payload, to) => {
      if (event === 'rows' && (payload as { subscriptionId: string }).subscriptionId === id) addressed.push(to);
    });
    const rows = new RowCollector(core, () => id);
    try {
      expect(await core.handlers.watchRows({ clientId: CLIENT, kind: 'services', subscriptionId: id, context: 'portolan-a', namespace })).toEqual({ subscriptionId: id });
      await eventually('rows under the chosen id', async () => (rows.rows.size === 2 ? true : undefined));
      expect(addressed.length).toBeGreaterThan(0);
      expect(addressed.every((to) => to === CLIENT)).toBe(true);
      await expect(core.handlers.watchRows({ clientId: CLIENT, kind: 'services', subscriptionId: id, context: 'portolan-a', namespace })).rejects.toThrow(/exists already/);
      await core.handlers.unwatch({ subscriptionId: id });
    } finally {
      stop();
      rows.close();
    }
  });

  it('ends the subscriptions of a client that goes away', async () => {
    const { rows } = await subscribe(null);
    expect(core.activeStreams()).toContain('portolan-a|/v1/services@*');
    core.releaseClient(CLIENT);
    expect(core.activeStreams()).not.toContain('portolan-a|/v1/services@*');
    rows.close();
  });

  it('is refused, in words, for a context that is not connected', async () => {
    await expect(core.handlers.watchRows({ clientId: CLIENT, kind: 'services', context: 'portolan-b', namespace: null })).rejects.toThrow(/not connected/);
  });
});

describe('restricted users', () => {
  it('get a clear denied state for a forbidden namespace, and no retry storm', async () => {
    const { scenarioKubeconfig } = await import('../cluster/kubeconfig-scenarios');
    const scenario = await scenarioKubeconfig(set.clusters[0]!, set.clusters[1]!);
    const file = join(mkdtempSync(join(tmpdir(), 'portolan-forbidden-')), 'config');
    writeFileSync(file, JSON.stringify(scenario.kubeconfig));
    const restricted = await connectedCore(file, 'restricted');
    let id: string | null = null;
    const rows = new RowCollector(restricted, () => id);
    id = (await restricted.handlers.watchRows({ clientId: CLIENT, kind: 'services', context: 'restricted', namespace: 'default' })).subscriptionId;
    await eventually('denied', async () => (rows.lastStatus?.phase === 'denied' ? true : undefined));
    expect(rows.lastStatus?.error).toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/forbidden/i) });
    const seen = rows.statuses.length;
    await new Promise((r) => setTimeout(r, 3000));
    expect(rows.statuses.length).toBe(seen); // nothing retried in 3 s
    rows.close();
    await restricted.dispose();
  });
});

describe('the list+watch engine', () => {
  it('lists in pages (limit/continue) and restarts a silent watch from its resourceVersion, without relisting', async () => {
    const engine = await connectedCore(set.kubeconfig, 'portolan-a', { watch: { pageSize: 7, wholeRestMax: 0, watchdogMs: 1000 } });
    const namespace = uniqueNamespace('paged');
    await a!.kubectl(['create', 'namespace', namespace]);
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, 20, 'paged'));
    let id: string | null = null;
    const rows = new RowCollector(engine, () => id);
    id = (await engine.handlers.watchRows({ clientId: CLIENT, kind: 'services', context: 'portolan-a', namespace })).subscriptionId;
    // 20 Services in pages of 7: only a followed continue token brings all of them.
    await eventually('all pages', async () => (rows.rows.size === 20 ? true : undefined));
    const key = `portolan-a|/v1/services@${namespace}`;
    // No event for 1 s makes the watchdog restart the watch; it must not relist to do so.
    await new Promise((r) => setTimeout(r, 3500));
    const stats = engine.streamStats()[key]!;
    expect(stats.lists).toBe(1);
    expect(stats.watches).toBeGreaterThanOrEqual(3);
    // And the restarted watch still delivers.
    await a!.kubectl(['apply', '-f', '-'], servicesList(namespace, 21, 'paged'));
    await eventually('after restarts', async () => (rows.rows.size === 21 ? true : undefined));
    rows.close();
    await engine.dispose();
  });
});
