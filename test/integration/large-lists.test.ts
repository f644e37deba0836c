// Big lists against a real API server, scaled down by small pages and batches: the first list of a
// stream is passed on answer by answer (the first rows show before the list ends), a rest that fits
// in a page comes in one answer that replaces the first page, and a subscription sends bounded
// batches that add up to every row exactly once.
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowsBatch } from '../../electron/api/types';
import { KubeClient } from '../../electron/core/kube/kube-client';
import { RowSubscription } from '../../electron/core/rows/row-subscription';
import { serviceRows, type ServiceObject } from '../../electron/core/services/service-row';
import { ResourceWatch, type WatchDelta } from '../../electron/core/watch/resource-watch';
import { WatchHub } from '../../electron/core/watch/watch-hub';
import { eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [a] = set.clusters;
const COUNT = 45;
let client: KubeClient;
let namespace: string;

beforeAll(async () => {
  const config = new KubeConfig();
  config.loadFromFile(set.kubeconfig);
  config.setCurrentContext('portolan-a');
  client = new KubeClient(config);
  namespace = uniqueNamespace('large');
  await a!.kubectl(['create', 'namespace', namespace]);
  await a!.kubectl(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'v1', kind: 'List',
    items: Array.from({ length: COUNT }, (_, i) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace }, spec: { ports: [{ port: 80 }] } })),
  }));
});
afterAll(() => client.close());

/**
 * `client`, noting the query of every list request it makes (limit and continue as asked, none when
 * absent); `afterFirst` runs once between the first answer and the next request.
 */
function spying(client: KubeClient, asked: Array<Record<string, unknown>>, afterFirst?: () => Promise<void>): KubeClient {
  let first = true;
  const spy = Object.create(client) as KubeClient;
  spy.json = (async (method, path, options = {}) => {
    asked.push(Object.fromEntries(Object.entries(options.query ?? {}).filter(([key, value]) => value !== undefined && (key === 'limit' || key === 'continue'))));
    const answer = await client.json(method, path, options);
    if (first && afterFirst) await afterFirst();
    first = false;
    return answer;
  }) as KubeClient['json'];
  return spy;
}

describe('large lists', () => {
  it('passes the first list on page by page, before the stream is synced, when its rest is bigger than a page', async () => {
    const watch = new ResourceWatch<ServiceObject>(client, { group: '', version: 'v1', plural: 'services', namespace }, { pageSize: 5, maxPageSize: 10 });
    const beforeSync: Array<WatchDelta<ServiceObject>> = [];
    watch.onDelta((delta) => {
      if (!watch.state.synced) beforeSync.push(delta);
    });
    watch.start();
    try {
      await eventually('synced', async () => (watch.state.synced ? true : undefined));
      // A small first page, then twice as many per page up to the most asked for: 5, 10, 10, 10, 10.
      expect(beforeSync.map((d) => d.added.length)).toEqual([5, 10, 10, 10, 10]);
      expect(beforeSync.every((d) => d.modified.length === 0 && d.deleted.length === 0)).toBe(true);
      const uids = beforeSync.flatMap((d) => d.added.map((s) => s.metadata.uid));
      expect(new Set(uids).size).toBe(COUNT);
      expect(watch.items.size).toBe(COUNT);
    } finally {
      watch.stop();
    }
  });

  it('asks for a rest that fits in a page in one answer after the first page, and shows each object once', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const watch = new ResourceWatch<ServiceObject>(spying(client, asked), { group: '', version: 'v1', plural: 'services', namespace }, { pageSize: 5 });
    const beforeSync: Array<WatchDelta<ServiceObject>> = [];
    const deltas: Array<WatchDelta<ServiceObject>> = [];
    watch.onDelta((delta) => {
      deltas.push(delta);
      if (!watch.state.synced) beforeSync.push(delta);
    });
    watch.start();
    try {
      await eventually('synced', async () => (watch.state.synced ? true : undefined));
      // The first page has a limit; the whole list none and no continue token (the watch cache serves it).
      expect(asked.slice(0, 2)).toEqual([{ limit: 5 }, {}]);
      expect(beforeSync.map((d) => d.added.length)).toEqual([5, COUNT - 5]);
      const uids = beforeSync.flatMap((d) => d.added.map((s) => s.metadata.uid));
      expect(new Set(uids).size).toBe(COUNT);
      // Nothing changed in between: the delta that ends the list is empty.
      const last = deltas.at(-1)!;
      expect([last.relisted, last.added.length, last.modified.length, last.deleted.length]).toEqual([true, 0, 0, 0]);
      expect(watch.items.size).toBe(COUNT);
    } finally {
      watch.stop();
    }
  });

  it('takes the whole answer as the list: what went or changed after the first page is deleted or modified', async () => {
    const own = uniqueNamespace('whole');
    await a!.kubectl(['create', 'namespace', own]);
    await a!.kubectl(['apply', '-f', '-'], JSON.stringify({
      apiVersion: 'v1', kind: 'List',
      items: Array.from({ length: 8 }, (_, i) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace: own }, spec: { ports: [{ port: 80 }] } })),
    }));
    const asked: Array<Record<string, unknown>> = [];
    // Between the first page (svc-0, svc-1, svc-2) and the whole list: one of the page goes, one is changed, one is new.
    const between = async (): Promise<void> => {
      await a!.kubectl(['delete', 'service', 'svc-1', '-n', own]);
      await a!.kubectl(['label', 'service', 'svc-2', '-n', own, 'changed=yes']);
      await a!.kubectl(['create', 'service', 'clusterip', 'svc-new', '--tcp=80:80', '-n', own]);
    };
    const watch = new ResourceWatch<ServiceObject>(spying(client, asked, between), { group: '', version: 'v1', plural: 'services', namespace: own }, { pageSize: 3 });
    const deltas: Array<WatchDelta<ServiceObject>> = [];
    watch.onDelta((delta) => deltas.push(delta));
    watch.start();
    try {
      await eventually('synced', async () => (watch.state.synced ? true : undefined));
      const names = (objects: ServiceObject[]): string[] => objects.map((s) => s.metadata.name).sort();
      expect(names(deltas[0]!.added)).toEqual(['svc-0', 'svc-1', 'svc-2']);
      // The whole list's objects not shown yet (svc-2 was, before its change).
      expect(names(deltas[1]!.added)).toEqual(['svc-3', 'svc-4', 'svc-5', 'svc-6', 'svc-7', 'svc-new']);
      const last = deltas[2]!;
      expect(last.relisted).toBe(true);
      expect(names(last.deleted)).toEqual(['svc-1']);
      expect(names(last.modified)).toEqual(['svc-2']);
      expect(last.modified[0]!.metadata.labels).toEqual({ changed: 'yes' });
      expect([...watch.items.values()].map((s) => s.metadata.name).sort()).toEqual(['svc-0', 'svc-2', 'svc-3', 'svc-4', 'svc-5', 'svc-6', 'svc-7', 'svc-new']);
      expect(asked.slice(0, 2)).toEqual([{ limit: 3 }, {}]);
      // The watch starts at the whole list's resourceVersion: the next change is the only event (from
      // the first page's, the three changes in between would come again first).
      await a!.kubectl(['label', 'service', 'svc-0', '-n', own, 'after=yes']);
      await eventually('the change after the list', async () => (watch.items.get(deltas[0]!.added.find((s) => s.metadata.name === 'svc-0')!.metadata.uid)?.metadata.labels?.after === 'yes' ? true : undefined));
      expect(deltas.slice(3).flatMap((d) => [...d.added, ...d.modified, ...d.deleted].map((s) => s.metadata.name))).toEqual(['svc-0']);
    } finally {
      watch.stop();
    }
  });

  it('stops for good when stopped in the middle of its list: no watch starts, nothing is kept', async () => {
    const watch = new ResourceWatch<ServiceObject>(client, { group: '', version: 'v1', plural: 'services', namespace }, { pageSize: 10 });
    let pages = 0;
    watch.onDelta(() => {
      pages += 1;
      if (pages === 1) watch.stop(); // between the first page and the second
    });
    watch.start();
    await eventually('first page', async () => (pages > 0 ? true : undefined));
    // A stream stopped mid-list once went on to a watch with no resourceVersion, which the server
    // answers with every object again: the cache filled up after the stop and the stream ran for minutes.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(watch.stats.watches).toBe(0);
    expect(watch.items.size).toBe(0);
    expect(watch.state.phase).toBe('stopped');
  });

  it('sends a subscription its rows in bounded batches that hold each row once', async () => {
    const hub = new WatchHub({ pageSize: 10 });
    const batches: RowsBatch<'services'>[] = [];
    const subscription = new RowSubscription(hub, client, serviceRows, {
      clientId: 'large-lists', subscriptionId: 'large-1', context: 'portolan-a', namespace, maxBatchRows: 20,
      onBatch: (batch) => batches.push(batch), onStatus: () => undefined,
    });
    try {
      await eventually('all rows', async () => (batches.reduce((n, b) => n + b.upserted.length, 0) >= COUNT ? true : undefined));
      expect(batches.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...batches.map((b) => b.upserted.length))).toBeLessThanOrEqual(20);
      const names = batches.flatMap((b) => b.upserted.map((r) => r.name));
      expect(names).toHaveLength(COUNT);
      expect(new Set(names).size).toBe(COUNT);
    } finally {
      subscription.close();
    }
  });
});
