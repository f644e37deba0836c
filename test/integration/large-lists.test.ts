// Big lists against a real API server, scaled down by small pages and batches: the first list of a
// stream is passed on page by page (the first rows show before the list ends), and a subscription
// sends bounded batches that add up to every row exactly once.
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

describe('large lists', () => {
  it('passes the first list on page by page, before the stream is synced', async () => {
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
