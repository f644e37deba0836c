// What a cluster answered (its Service schema, a namespace's workloads) still serves the wizard when
// that cluster is offline later, said as remembered, with the time; a cluster never seen has nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { startLatencyProxy, type LatencyProxy } from '../support/latency-proxy';
import { testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [a] = set.clusters;
let proxy: LatencyProxy;
const cores: PortolanCore[] = [];
let dir: string;
const namespace = uniqueNamespace('remembered');

beforeAll(async () => {
  // Cluster a behind a proxy: closing the proxy takes "the cluster" offline under the same address.
  proxy = await startLatencyProxy(a!.server, {});
  dir = mkdtempSync(join(tmpdir(), 'portolan-remembered-'));
  const kubeconfig = JSON.parse(await a!.kubectl(['config', 'view', '--raw', '-o', 'json']));
  kubeconfig.clusters[0].cluster.server = proxy.url;
  writeFileSync(join(dir, 'kubeconfig'), JSON.stringify(kubeconfig));
  await a!.kubectl(['create', 'namespace', namespace]);
  await a!.kubectl(['apply', '-f', '-'], stringify({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'shop', namespace },
    spec: { selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
  }));
});
afterAll(async () => {
  await Promise.all(cores.map((c) => c.dispose()));
  await proxy.close().catch(() => undefined);
});

async function core(): Promise<{ core: PortolanCore; context: string }> {
  const made = createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: join(dir, 'kubeconfig'), origin: 'env' }], stateDir: join(dir, 'state') });
  cores.push(made);
  await made.ready;
  const context = (await made.handlers.listContexts(undefined)).contexts[0]!.name;
  await made.handlers.connect({ context });
  return { core: made, context };
}

it('serves the schema and workloads a cluster gave last time, marked as remembered, when it is offline', async () => {
  const online = await core();
  const schema = await online.core.handlers.serviceSchema({ context: online.context });
  expect(schema.rememberedAt).toBeNull();
  const workloads = await online.core.handlers.listWorkloads({ context: online.context, namespace });
  expect(workloads).toMatchObject({ rememberedAt: null, workloads: [{ name: 'shop', selectorLabels: { app: 'shop' } }] });

  await proxy.close();
  const offline = await core(); // a later start of the app, with the cluster gone
  const later = await offline.core.handlers.serviceSchema({ context: offline.context });
  expect(later).toEqual({ ...schema, rememberedAt: expect.any(String) });
  expect(await offline.core.handlers.listWorkloads({ context: offline.context, namespace })).toEqual({ workloads: workloads.workloads, rememberedAt: expect.any(String) });
  await expect(offline.core.handlers.listWorkloads({ context: offline.context, namespace: 'never-seen' })).rejects.toThrow();
}, 60_000);
