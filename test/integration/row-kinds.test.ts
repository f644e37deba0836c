// The row pipeline with kinds other than Services, against a real API server: workloads (the
// wizard's picker) and the routes into a Service, Ingresses always and HTTPRoutes once the cluster
// has Gateway API's CRD (the test installs a minimal one). Rows follow creates, changes and deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { RouteRow, RowKind, RowsBatch, WatchStatus, WorkloadRow } from '../../electron/api/types';
import type { PortolanCore } from '../../electron/core/portolan-core';
import { connectedCore, eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [, b] = set.clusters;
let core: PortolanCore;
let namespace: string;

beforeAll(async () => {
  core = await connectedCore(set.kubeconfig, 'portolan-b');
  namespace = uniqueNamespace('kinds');
  await b!.kubectl(['create', 'namespace', namespace]);
});
afterAll(() => core.dispose());

/** A subscription's rows by uid and its last status, as the renderer's liveRows keeps them. */
async function follow<K extends RowKind>(kind: K) {
  const rows = new Map<string, RowsBatch<K>['upserted'][number]>();
  let status: WatchStatus | null = null;
  let id: string | null = null;
  const stop = core.events.listen((event, payload) => {
    if (event === 'rows' && (payload as RowsBatch).subscriptionId === id) {
      const batch = payload as RowsBatch<K>;
      expect(batch.kind).toBe(kind);
      for (const row of batch.upserted) rows.set(row.uid, row);
      for (const uid of batch.deleted) rows.delete(uid);
    } else if (event === 'watchStatus' && (payload as WatchStatus).subscriptionId === id) status = payload as WatchStatus;
  });
  id = (await core.handlers.watchRows({ clientId: 'row-kinds-test', kind, context: 'portolan-b', namespace })).subscriptionId;
  return {
    rows, status: () => status,
    find: (name: string) => [...rows.values()].find((r) => (r as { name: string }).name === name),
    close: async () => {
      stop();
      await core.handlers.unwatch({ subscriptionId: id! });
    },
  };
}

describe('live rows of other kinds', () => {
  it('follows workloads: their own selector and ports, as they are created, changed and deleted', async () => {
    const live = await follow('workloads');
    try {
      const deployment = (port: number) => stringify({
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'shop', namespace },
        spec: { selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop', version: 'v1' } }, spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: port }] }] } } },
      });
      await b!.kubectl(['apply', '-f', '-'], deployment(8080));
      await b!.kubectl(['create', 'service', 'clusterip', 'not-a-workload', '--tcp=80', '-n', namespace]);
      const row = await eventually('the Deployment row', async () => live.find('shop') as WorkloadRow | undefined);
      expect(row).toMatchObject({ kind: 'Deployment', namespace, selectorLabels: { app: 'shop' }, selectorExpressions: false, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] });
      await b!.kubectl(['apply', '-f', '-'], deployment(9090));
      await eventually('the new port', async () => ((live.find('shop') as WorkloadRow).ports[0]!.containerPort === 9090 ? true : undefined));
      await b!.kubectl(['delete', 'deployment', 'shop', '-n', namespace]);
      await eventually('the row gone', async () => (live.find('shop') ? undefined : true));
      expect(live.rows.size).toBe(0); // a Service is not a workload
      expect(live.status()).toMatchObject({ synced: true, phase: 'watching', error: null });
    } finally {
      await live.close();
    }
  });

  it('follows Ingresses, and HTTPRoutes once their CRD is there (until then, no error)', async () => {
    const before = await follow('routes');
    try {
      await b!.kubectl(['apply', '-f', '-'], stringify({
        apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'main', namespace },
        spec: {
          ingressClassName: 'nginx',
          rules: [{ host: 'shop.example.com', http: { paths: [
            { path: '/web', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } },
          ] } }],
        },
      }));
      const ingress = await eventually('the Ingress row', async () => before.find('main') as RouteRow | undefined);
      expect(ingress).toMatchObject({
        kind: 'Ingress', via: ['nginx'],
        backends: [
          { service: 'web', namespace, port: '80', hosts: ['shop.example.com'], path: '/web' },
          { service: 'api', namespace, port: 'http', hosts: ['shop.example.com'], path: '/api' },
        ],
      });
      // No Gateway API here yet: the HTTPRoute stream's 404 is neither an error nor a wait.
      await eventually('synced without error', async () => (before.status()?.synced && before.status()?.error === null ? true : undefined));
    } finally {
      await before.close();
    }

    await b!.kubectl(['apply', '-f', '-'], stringify({
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: {
        name: 'httproutes.gateway.networking.k8s.io',
        // *.k8s.io groups are protected: Gateway API's own CRDs carry this approval.
        annotations: { 'api-approved.kubernetes.io': 'https://github.com/kubernetes-sigs/gateway-api/pull/891' },
      },
      spec: {
        group: 'gateway.networking.k8s.io', scope: 'Namespaced',
        names: { plural: 'httproutes', singular: 'httproute', kind: 'HTTPRoute', listKind: 'HTTPRouteList' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    }));
    await b!.kubectl(['wait', '--for=condition=Established', 'crd/httproutes.gateway.networking.k8s.io', '--timeout=30s']);
    const after = await follow('routes');
    try {
      await eventually('HTTPRoutes served', async () => {
        await b!.kubectl(['apply', '-f', '-'], stringify({
          apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'web-route', namespace },
          spec: {
            parentRefs: [{ name: 'public', namespace: 'gateways' }], hostnames: ['web.example.com'],
            rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }, { kind: 'Other', group: 'x.io', name: 'not-a-service' }] }],
          },
        }));
        return true;
      });
      const route = await eventually('the HTTPRoute row', async () => after.find('web-route') as RouteRow | undefined, 60_000);
      expect(route).toMatchObject({ kind: 'HTTPRoute', via: ['gateways/public'], backends: [{ service: 'web', namespace, port: '80', hosts: ['web.example.com'], path: '/' }] });
      expect(after.find('main')).toMatchObject({ kind: 'Ingress' });
      await b!.kubectl(['delete', 'httproute', 'web-route', '-n', namespace]);
      await eventually('the HTTPRoute row gone', async () => (after.find('web-route') ? undefined : true));
    } finally {
      await after.close();
    }
  }, 120_000);
});
