// The remembered selection's Service lists start before a page subscribes (core's prefetchRows, run
// as the app starts and whenever a page loads): against real API servers, the page's subscription
// shares the stream that already listed, takes the hold over, and a silent cluster in the same
// selection holds nothing back. Streams no page subscribes to stop when the hold ends.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortolanCore, type CoreOptions, type PortolanCore } from '../../electron/core/portolan-core';
import { KubeClient } from '../../electron/core/kube/kube-client';
import { WatchHub } from '../../electron/core/watch/watch-hub';
import { KubeConfig } from '@kubernetes/client-node';
import { startLatencyProxy, type LatencyProxy } from '../support/latency-proxy';
import { RowCollector } from '../support/row-collector';
import { eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const b = set.clusters[1]!;
const namespace = uniqueNamespace('prefetch');
let silent: LatencyProxy;
let kubeconfig: string;
const cores: PortolanCore[] = [];

interface Kubeconfig {
  clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
}

beforeAll(async () => {
  await b.kubectl(['create', 'namespace', namespace]);
  for (const name of ['one', 'two', 'three']) await b.kubectl(['create', 'service', 'clusterip', name, '--tcp=80:8080', '-n', namespace]);
  silent = await startLatencyProxy(set.clusters[0]!.server, { hang: true });
  const doc = JSON.parse(readFileSync(set.kubeconfig, 'utf8')) as Kubeconfig;
  const a = doc.clusters.find((c) => c.name === 'portolan-a')!;
  doc.clusters.push({ name: 'silent', cluster: { ...a.cluster, server: silent.url } });
  doc.contexts.push({ name: 'silent', context: { cluster: 'silent', user: doc.contexts.find((c) => c.name === 'portolan-a')!.context.user } });
  kubeconfig = join(mkdtempSync(join(tmpdir(), 'portolan-prefetch-')), 'config');
  writeFileSync(kubeconfig, JSON.stringify(doc));
});
afterAll(async () => {
  await Promise.all(cores.map((core) => core.dispose()));
  await silent?.close();
});

async function startCore(options: Partial<CoreOptions>): Promise<PortolanCore> {
  const core = createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: kubeconfig, origin: 'env' }], stateDir: null, ...options });
  cores.push(core);
  await core.ready;
  return core;
}

const A = 'portolan-a|/v1/services@*';
const B = (): string => `portolan-b|/v1/services@${namespace}`;
const SILENT = 'silent|/v1/services@*';

describe('prefetching the remembered lists', () => {
  it('lists the remembered selection before the page subscribes, and hands each stream over to its subscription', async () => {
    const core = await startCore({ stateDir: mkdtempSync(join(tmpdir(), 'portolan-prefetch-state-')), prefetchHoldMs: 120_000 });
    await core.handlers.setUiState({ pinned: [], selected: ['silent', 'portolan-a', 'portolan-b', 'not-in-the-kubeconfig'], namespaces: { 'portolan-b': [namespace] }, groupBy: 'file' });
    core.prefetchRows();

    // Both reachable clusters list while the silent one hangs; only the rows' own streams, no join yet.
    await eventually('both lists done', async () => (core.streamStats()[A]?.lists === 1 && core.streamStats()[B()]?.lists === 1 ? true : undefined));
    expect(core.activeStreams().sort()).toEqual([A, B(), SILENT].sort());
    expect(core.streamStats()[SILENT]?.lists).toBe(0);

    // The page subscribes: its rows come from the stream that listed already, not from a second list.
    let id: string | null = null;
    const rows = new RowCollector(core, () => id);
    id = (await core.handlers.watchRows({ clientId: 'prefetch-test', kind: 'services', context: 'portolan-b', namespace })).subscriptionId;
    await eventually('three rows', async () => (rows.rows.size === 3 ? true : undefined));
    expect(rows.batches[0]!.batch.upserted.map((r) => r.name).sort()).toEqual(['one', 'three', 'two']);
    expect(core.streamStats()[B()]?.lists).toBe(1);

    // Handed over: the page leaving stops the stream (and its join); the other scopes are still held.
    await core.handlers.unwatch({ subscriptionId: id });
    rows.close();
    expect(core.activeStreams().filter((key) => key.startsWith('portolan-b|'))).toEqual([]);
    expect(core.activeStreams()).toContain(A);
    expect(core.activeStreams()).toContain(SILENT);
  });

  it('starts with the current context when nothing is remembered, and lets go of streams nobody subscribed to', async () => {
    const core = await startCore({ prefetchHoldMs: 1500 });
    core.prefetchRows();
    await eventually('portolan-a listed', async () => (core.streamStats()[A]?.lists === 1 ? true : undefined));
    expect(core.activeStreams()).toEqual([A]);
    await eventually('the hold ended', async () => (core.activeStreams().length === 0 ? true : undefined), 10_000);
  });
});

describe('the watch hub', () => {
  it('keeps the stream that replaced a dropped one when a lease of the dropped one ends late', async () => {
    const config = new KubeConfig();
    config.loadFromFile(set.kubeconfig);
    config.setCurrentContext('portolan-b');
    const client = new KubeClient(config);
    const hub = new WatchHub();
    const ref = { group: '', version: 'v1', plural: 'services', namespace };
    const old = hub.acquire('portolan-b', client, ref, { rows: true });
    hub.dropContext('portolan-b');
    const current = hub.acquire('portolan-b', client, ref, { rows: true });
    old.release();
    expect(hub.activeKeys()).toEqual([B()]);
    await eventually('the new stream lists', async () => (current.watch.state.synced ? true : undefined));
    current.release();
    expect(hub.activeKeys()).toEqual([]);
    await client.close();
  });
});
