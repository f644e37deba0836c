// Figures measured in this process against core itself: the initial load of a namespace's Services
// (subscribe → every row held) next to kubectl and next to the floor (the same LIST requests, bare,
// with JSON.parse, here), and core's heap holding the page's 30,000 rows and after unsubscribing.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ServiceRow, RowsBatch } from '../../electron/api/types';
import type { KubeClient } from '../../electron/core/kube/kube-client';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { listPlan, nextListRequest, type ListPageMeta, type ListRequest } from '../../electron/core/watch/list-requests';
import { applyBatch } from '../../renderer/src/model/row-batch';
import type { TestCluster } from '../cluster/test-cluster';
import { clientFor } from './bench-client';
import { settle, timed, type FigureBook } from './bench-stats';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function heapMB(): Promise<number> {
  for (let i = 0; i < 3; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage().heapUsed / 1e6;
}

export async function connectedCore(kubeconfig: string, contexts: string[]): Promise<PortolanCore> {
  const core = createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: kubeconfig, origin: 'env' }], stateDir: null });
  await core.ready;
  for (const context of contexts) await core.handlers.connect({ context });
  for (;;) {
    const statuses = await core.handlers.connectionStatuses(undefined);
    if (contexts.every((c) => statuses.find((s) => s.context === c)?.state === 'connected')) return core;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Subscribes to `scopes` and resolves with the subscription ids once `count` rows are held. */
async function holdRows(core: PortolanCore, scopes: Array<{ context: string; namespace: string | null }>, count: number): Promise<string[]> {
  const rows = new Map<string, ServiceRow>();
  const ids = new Set<string>();
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  const stop = core.events.listen((event, payload) => {
    if (event !== 'rows') return;
    applyBatch(rows, payload as RowsBatch<'services'>);
    if (rows.size >= count) done();
  });
  for (const scope of scopes) ids.add((await core.handlers.watchRows({ clientId: 'bench', kind: 'services', ...scope })).subscriptionId);
  await all;
  stop();
  return [...ids];
}

/** The floor: the same requests Portolan's list makes (list-requests.ts), parsed, nothing else (null: every namespace). */
export async function bareList(client: KubeClient, namespace: string | null): Promise<number> {
  const plan = listPlan();
  let items = 0;
  let request: ListRequest | null = { limit: plan.first };
  while (request) {
    const page = await client.json<{ items: unknown[]; metadata: ListPageMeta }>('GET', namespace === null ? '/api/v1/services' : `/api/v1/namespaces/${namespace}/services`,
      { query: { limit: request.limit, continue: request.continue } });
    // A whole list after the first page holds the first page's objects too.
    items = request.limit === undefined ? page.items.length : items + page.items.length;
    request = nextListRequest(request, page.metadata, plan);
  }
  return items;
}

export async function initialLoad(book: FigureBook, cluster: TestCluster, kubeconfig: string, namespace: string, count: number, runs: number, label: string): Promise<void> {
  const client = clientFor(kubeconfig, cluster.name);
  const names = {
    floor: `initial load, ${label}: Portolan vs the floor`,
    json: `initial load, ${label}: Portolan vs kubectl -o json`,
    table: `initial load, ${label}: Portolan vs kubectl (table)`,
  };
  try {
    for (let run = 0; run < runs; run += 1) {
      await settle();
      const core = await connectedCore(kubeconfig, [cluster.name]);
      const portolan = await timed(() => holdRows(core, [{ context: cluster.name, namespace }], count));
      await core.dispose();
      let listed = 0;
      const floor = await timed(async () => (listed = await bareList(client, namespace)));
      if (listed !== count) throw new Error(`the floor listed ${listed} Services, not ${count}`);
      const json = await timed(() => cluster.kubectl(['get', 'services', '-n', namespace, '-o', 'json']));
      const tableForm = await timed(() => cluster.kubectl(['get', 'services', '-n', namespace]));
      book.sample(names.floor, portolan, floor);
      book.sample(names.json, portolan, json);
      book.sample(names.table, portolan, tableForm);
    }
  } finally {
    await client.close();
  }
  book.close(names.floor, 'ms', 'the same LISTs + JSON.parse', '≤ 1.3× the floor');
  book.close(names.json, 'ms', 'kubectl get -o json');
  book.close(names.table, 'ms', 'kubectl get (table)');
}

/** Core's heap holding every row of `scopes`, and after unsubscribing (next to before subscribing). */
export async function coreHeap(book: FigureBook, kubeconfig: string, contexts: string[], count: number, runs: number): Promise<void> {
  const holding = `core heap holding ${count} rows`;
  const after = 'core heap after unsubscribing';
  for (let run = 0; run < runs; run += 1) {
    await settle();
    const core = await connectedCore(kubeconfig, contexts);
    const before = await heapMB();
    const ids = await holdRows(core, contexts.map((context) => ({ context, namespace: null })), count);
    const held = await heapMB();
    for (const subscriptionId of ids) await core.handlers.unwatch({ subscriptionId });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const released = await heapMB();
    book.sample(holding, held, before);
    book.sample(after, released, before);
    await core.dispose();
  }
  book.close(holding, 'MB', 'before subscribing');
  book.close(after, 'MB', 'before subscribing', 'within 10% of before');
}
