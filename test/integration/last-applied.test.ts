// The watch cache leaves out kubectl's last-applied annotation (a second copy of every object made
// with client-side `kubectl apply`), yet the detail view shows the Service exactly as kubectl reads
// it, annotation included, before and after a new `kubectl apply` changes it.
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceDetail } from '../../electron/api/types';
import { KubeClient } from '../../electron/core/kube/kube-client';
import type { PortolanCore } from '../../electron/core/portolan-core';
import type { ServiceObject } from '../../electron/core/services/service-row';
import { LAST_APPLIED, lacksLastApplied, ResourceWatch } from '../../electron/core/watch/resource-watch';
import { connectedCore, eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const cluster = set.clusters[0]!;
let core: PortolanCore;
let client: KubeClient;
const namespace = uniqueNamespace('last-applied');

const manifest = (port: number): string => JSON.stringify({
  apiVersion: 'v1', kind: 'Service',
  metadata: { name: 'web', namespace, labels: { app: 'web', tier: 'front', team: 'a' }, annotations: { 'a.example.com/x': '1', 'z.example.com/y': '2' } },
  spec: { selector: { app: 'web' }, ports: [{ name: 'http', port, targetPort: 8080 }, { name: 'metrics', port: 9090 }] },
});

beforeAll(async () => {
  core = await connectedCore(set.kubeconfig, cluster.name);
  const config = new KubeConfig();
  config.loadFromFile(set.kubeconfig);
  config.setCurrentContext(cluster.name);
  client = new KubeClient(config);
  await cluster.kubectl(['create', 'namespace', namespace]);
  await cluster.kubectl(['apply', '-f', '-'], manifest(80));
});
afterAll(async () => {
  client?.close();
  await core?.dispose();
});

async function kubectlAnnotations(): Promise<Record<string, string>> {
  return (JSON.parse(await cluster.kubectl(['get', 'service', 'web', '-n', namespace, '-o', 'json'])) as ServiceObject).metadata.annotations ?? {};
}

it('keeps the annotation out of the cache', async () => {
  const watch = new ResourceWatch<ServiceObject>(client, { group: '', version: 'v1', plural: 'services', namespace });
  watch.start();
  try {
    await eventually('synced', async () => (watch.state.synced ? true : undefined));
    const cached = [...watch.items.values()].find((s) => s.metadata.name === 'web')!;
    expect((await kubectlAnnotations())[LAST_APPLIED]).toContain('"port":80');
    expect(cached.metadata.annotations).toEqual({ 'a.example.com/x': '1', 'z.example.com/y': '2' });
    expect(lacksLastApplied(cached)).toBe(true);
  } finally {
    watch.stop();
  }
});

it('shows the detail view the annotations kubectl shows, in its order, and follows a new apply', async () => {
  const details: ServiceDetail[] = [];
  core.events.listen((event, payload) => {
    if (event === 'serviceDetail') details.push(payload as ServiceDetail);
  });
  // A list subscription shares the stream with the detail view.
  await core.handlers.watchRows({ clientId: 'last-applied', kind: 'services', context: cluster.name, namespace });
  await core.handlers.watchServiceDetail({ clientId: 'last-applied', context: cluster.name, namespace, name: 'web' });
  const first = await kubectlAnnotations();
  const shown = await eventually('the detail', async () => details.find((d) => d.service));
  const annotations = (shown.service as unknown as ServiceObject).metadata.annotations!;
  expect(Object.keys(annotations)).toEqual(Object.keys(first));
  expect(annotations).toEqual(first);
  // Every detail sent holds the annotation: none goes out while the object is being read.
  await cluster.kubectl(['apply', '-f', '-'], manifest(81));
  const second = await kubectlAnnotations();
  expect(second[LAST_APPLIED]).toContain('"port":81');
  await eventually('the new annotation', async () =>
    ((details.at(-1)?.service as unknown as ServiceObject | undefined)?.metadata.annotations?.[LAST_APPLIED] === second[LAST_APPLIED] ? true : undefined));
  expect(details.filter((d) => d.service).every((d) => (d.service as unknown as ServiceObject).metadata.annotations?.[LAST_APPLIED])).toBe(true);
});
