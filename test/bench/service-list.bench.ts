// Benchmark of the live Service list on a real cluster (not a test: it prints numbers).
//   npm run bench -- [--services 10000]
// Starts a private test cluster, creates N Services, then measures: time until a subscription holds
// all N rows (paged list + join + batches), the batches' count and size, one change's end-to-end
// latency, and the renderer-side cost of applying and sorting N rows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ServiceRow, ServiceRowsBatch } from '../../electron/api/types';
import { createPortolanCore } from '../../electron/core/portolan-core';
import { applyBatch, visibleRows } from '../../renderer/src/model/service-rows';
import { startClusters, stopClusters } from '../cluster/clusters';

const { values } = parseArgs({ options: { services: { type: 'string', default: '10000' } } });
const total = Number(values.services);
const dir = mkdtempSync(join(tmpdir(), 'portolan-bench-'));
const ms = (t: number): string => `${t.toFixed(0)} ms`;
const results: Array<[string, string]> = [];

const set = await startClusters({ count: 1, dir });
try {
  const cluster = set.clusters[0]!;
  const namespace = 'bench';
  await cluster.kubectl(['create', 'namespace', namespace]);
  let began = performance.now();
  for (let start = 0; start < total; start += 1000) {
    const items = Array.from({ length: Math.min(1000, total - start) }, (_, i) => ({
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: `svc-${start + i}`, namespace, labels: { app: `app-${(start + i) % 50}` }, annotations: { 'kubesphere.io/alias-name': `服务 ${start + i}` } },
      spec: { selector: { app: `app-${(start + i) % 50}` }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    }));
    await cluster.kubectl(['apply', '--server-side', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  }
  results.push([`create ${total} Services with kubectl (setup, not the product)`, ms(performance.now() - began)]);

  const core = createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: set.kubeconfig, origin: 'env' }], stateDir: null });
  await core.ready;
  await core.handlers.connect({ context: 'portolan-a' });
  while ((await core.handlers.connectionStatuses(undefined))[0]?.state !== 'connected') await new Promise((r) => setTimeout(r, 50));

  const rows = new Map<string, ServiceRow>();
  const batches: Array<{ at: number; bytes: number; size: number }> = [];
  let subscriptionId = '';
  let resolveSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  let waitingFor: { uid: string; label: string; resolve: (t: number) => void } | null = null;
  core.events.listen((event, payload) => {
    if (event !== 'serviceRows') return;
    const batch = payload as ServiceRowsBatch;
    if (batch.subscriptionId !== subscriptionId) return;
    batches.push({ at: performance.now(), bytes: JSON.stringify(batch).length, size: batch.upserted.length + batch.deleted.length });
    applyBatch(rows, batch);
    if (rows.size >= total) resolveSynced();
    const hit = waitingFor && batch.upserted.find((r) => r.uid === waitingFor!.uid && r.labels.bench === waitingFor!.label);
    if (hit && waitingFor) waitingFor.resolve(performance.now());
  });

  const heapBefore = process.memoryUsage().heapUsed;
  began = performance.now();
  subscriptionId = (await core.handlers.watchServices({ clientId: 'bench-client', context: 'portolan-a', namespace: null })).subscriptionId;
  await synced;
  const syncMs = performance.now() - began;
  results.push(['subscribe → first rows in the renderer model', ms(batches[0]!.at - began)]);
  results.push([`subscribe → all ${total} rows in the renderer model`, ms(syncMs)]);
  results.push(['batches for the initial list', `${batches.length} (largest ${Math.max(...batches.map((b) => b.size))} rows, ${(Math.max(...batches.map((b) => b.bytes)) / 1e6).toFixed(1)} MB)`]);
  results.push(['bytes per row (slim row as sent)', `${Math.round(batches.reduce((s, b) => s + b.bytes, 0) / total)} B`]);
  const full = await cluster.kubectl(['get', 'services', '-n', namespace, '-o', 'json']);
  results.push(['the same Services as the API returns them (kubectl -o json)', `${(full.length / 1e6).toFixed(1)} MB`]);
  results.push(['core heap growth holding the list (streams + cache)', `${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB`]);

  const latencies: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const target = rows.get([...rows.keys()][i * 97]!)!;
    const label = `v${i}`;
    const arrived = new Promise<number>((resolve) => (waitingFor = { uid: target.uid, label, resolve }));
    const before = batches.length;
    const sent = performance.now();
    await cluster.kubectl(['label', 'service', target.name, '-n', namespace, `bench=${label}`, '--overwrite']);
    const kubectlDone = performance.now();
    const at = await arrived;
    latencies.push(at - kubectlDone);
    sizes.push(batches.slice(before).reduce((s, b) => s + b.bytes, 0));
    void sent;
  }
  latencies.sort((x, y) => x - y);
  results.push(['one kubectl change → its row updated (after kubectl returned), median of 10', ms(latencies[5]!)]);
  results.push(['bytes sent to the renderer for that one change', `${Math.round(sizes.reduce((s, x) => s + x, 0) / sizes.length)} B`]);

  began = performance.now();
  const sorted = visibleRows(rows.values(), { query: '', type: 'all', contexts: [] }, { key: 'name', direction: 'asc' });
  results.push([`renderer: filter + sort ${sorted.length} rows by name`, ms(performance.now() - began)]);
  began = performance.now();
  const searched = visibleRows(rows.values(), { query: 'app-7', type: 'all', contexts: [] }, { key: 'clusterIP', direction: 'desc' });
  results.push([`renderer: search "app-7" + sort by Cluster IP (${searched.length} hits)`, ms(performance.now() - began)]);
  const copy = new Map<string, ServiceRow>();
  began = performance.now();
  for (const b of [...rows.values()].reduce<ServiceRow[][]>((acc, r, i) => { (acc[Math.floor(i / 500)] ??= []).push(r); return acc; }, [])) {
    applyBatch(copy, { context: 'portolan-a', upserted: b, deleted: [] });
  }
  results.push([`renderer: apply ${total} rows as batches of 500`, ms(performance.now() - began)]);

  await core.dispose();
} finally {
  await stopClusters(dir);
}

const width = Math.max(...results.map(([k]) => k.length));
console.log(`\nPortolan service-list benchmark (${total} Services, Node ${process.versions.node}, ${new Date().toISOString()})`);
for (const [k, v] of results) console.log(`  ${k.padEnd(width)}  ${v}`);
