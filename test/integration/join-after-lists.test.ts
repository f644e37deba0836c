// Rows before joins, across subscriptions: a subscription's EndpointSlices are listed only once no
// other subscription's rows are in their first list (the rows of every selected cluster come first),
// and a cluster that never finishes its list holds the others' joins back no longer than the wait.
import { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowsBatch } from '../../electron/api/types';
import { KubeClient } from '../../electron/core/kube/kube-client';
import { RowSubscription } from '../../electron/core/rows/row-subscription';
import { serviceRows } from '../../electron/core/services/service-row';
import type { KubeObject, ResourceRef } from '../../electron/core/watch/resource-ref';
import { WatchHub, type WatchLease } from '../../electron/core/watch/watch-hub';
import { startLatencyProxy, type LatencyProxy } from '../support/latency-proxy';
import { eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [a] = set.clusters;
let client: KubeClient;
let silentClient: KubeClient;
let silent: LatencyProxy;
let big: string;
let small: string;

function clientOf(server?: string): KubeClient {
  const config = new KubeConfig();
  const doc = JSON.parse(readFileSync(set.kubeconfig, 'utf8')) as { clusters: Array<{ name: string; cluster: { server: string } }> };
  if (server) doc.clusters = doc.clusters.map((c) => (c.name === 'portolan-a' ? { ...c, cluster: { ...c.cluster, server } } : c));
  config.loadFromString(JSON.stringify(doc));
  config.setCurrentContext('portolan-a');
  return new KubeClient(config);
}

const services = (namespace: string, count: number): string => JSON.stringify({
  apiVersion: 'v1', kind: 'List',
  items: Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace }, spec: { selector: { app: `svc-${i}` }, ports: [{ port: 80 }] },
  })),
});

/** A hub that notes, whenever an EndpointSlice stream is asked for, whether the big namespace's Services had listed. */
class RecordingHub extends WatchHub {
  readonly joins: Array<{ namespace: string | null; bigListed: boolean }> = [];
  bigServices: WatchLease<KubeObject> | null = null;

  override acquire<T extends KubeObject>(context: string, kube: KubeClient, ref: ResourceRef, use: { rows?: boolean } = {}): WatchLease<T> {
    if (ref.plural === 'endpointslices') this.joins.push({ namespace: ref.namespace, bigListed: this.bigServices?.watch.state.synced ?? false });
    return super.acquire<T>(context, kube, ref, use);
  }
}

function subscribe(hub: WatchHub, kube: KubeClient, context: string, namespace: string, joinWaitMs?: number) {
  const batches: Array<RowsBatch<'services'>> = [];
  let listedAt: number | null = null;
  const subscription = new RowSubscription(hub, kube, serviceRows, {
    clientId: 'join-after-lists', subscriptionId: `${context}-${namespace}`, context, namespace, ...(joinWaitMs === undefined ? {} : { joinWaitMs }),
    onBatch: (batch) => batches.push(batch),
    onStatus: (status) => {
      if (status.synced) listedAt ??= performance.now();
    },
  });
  const rows = (): Map<string, RowsBatch<'services'>['upserted'][number]> => new Map(batches.flatMap((b) => b.upserted.map((r) => [r.name, r] as const)));
  return { subscription, rows, listedAt: () => listedAt };
}

beforeAll(async () => {
  silent = await startLatencyProxy(a!.server, { hang: true });
  client = clientOf();
  silentClient = clientOf(silent.url);
  big = uniqueNamespace('join-big');
  small = uniqueNamespace('join-small');
  await a!.kubectl(['create', 'namespace', big]);
  await a!.kubectl(['create', 'namespace', small]);
  await a!.kubectl(['apply', '-f', '-'], services(big, 60));
  await a!.kubectl(['apply', '-f', '-'], services(small, 1));
  for (const [namespace, count] of [[big, 60], [small, 1]] as const) {
    await eventually(`${count} slices in ${namespace}`, async () =>
      ((await a!.kubectl(['get', 'endpointslices', '-n', namespace, '-o', 'name'])).split('\n').filter(Boolean).length === count ? true : undefined));
  }
});
afterAll(async () => {
  client?.close();
  silentClient?.close();
  await silent?.close();
});

describe('joins after every first list', () => {
  it('lists a subscription\'s EndpointSlices only once the other subscription\'s Services are listed', async () => {
    // Pages of 5, and no whole rest: the big namespace takes 12 requests, the small one 1.
    const hub = new RecordingHub({ pageSize: 5, wholeRestMax: 0 });
    const large = subscribe(hub, client, 'portolan-a', big);
    hub.bigServices = hub.acquire(`portolan-a`, client, { group: '', version: 'v1', plural: 'services', namespace: big });
    const little = subscribe(hub, client, 'portolan-a', small);
    try {
      await eventually('every endpoint count known', async () =>
        ([...little.rows().values(), ...large.rows().values()].length === 61 && [...little.rows().values(), ...large.rows().values()].every((r) => r.endpoints !== null) ? true : undefined));
      // There was something to wait for: the small namespace had listed while the big one still listed.
      expect(little.listedAt()).not.toBeNull();
      expect(little.listedAt()!).toBeLessThan(large.listedAt()!);
      // Yet neither asked for its EndpointSlices before the big namespace's Services were listed.
      expect(hub.joins.map((j) => j.namespace).sort()).toEqual([big, small].sort());
      expect(hub.joins.every((j) => j.bigListed)).toBe(true);
      expect(little.rows().get('svc-0')?.endpoints).toEqual({ ready: 0, total: 0 });
    } finally {
      large.subscription.close();
      little.subscription.close();
      hub.bigServices.release();
    }
  });

  it('holds a join back no longer than its wait when another cluster never finishes its list', async () => {
    const hub = new WatchHub({ pageSize: 5 });
    const stuck = subscribe(hub, silentClient, 'silent', big);
    const began = performance.now();
    const little = subscribe(hub, client, 'portolan-a', small, 400);
    try {
      await eventually('the endpoint count', async () => (little.rows().get('svc-0')?.endpoints ? true : undefined), 10_000);
      // The silent cluster is still in its first list: the join went ahead after the wait.
      expect(stuck.listedAt()).toBeNull();
      expect(performance.now() - began).toBeGreaterThanOrEqual(400);
      expect(little.rows().get('svc-0')?.endpoints).toEqual({ ready: 0, total: 0 });
    } finally {
      stuck.subscription.close();
      little.subscription.close();
    }
  });
});
