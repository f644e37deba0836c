// Figures measured in Chromium on the built app (`npm run serve`'s server), per run on fresh pages:
//   page 1, no cluster selected: tick three clusters → all their rows live (the longest task while
//     they arrive, and while their endpoint counts fill in after), scroll end to end, a burst of
//     changes (store and paint latency next to kubectl --watch and to a bare watch, the floor; the
//     longest task), renderer heap with every row, after unticking them, and after ticking and
//     unticking them once more;
//   page 2, the three clusters remembered: page load → first row and → all live, by the page's clock
//     from its navigation's start (next to the floor: the same LIST requests, bare, for the three
//     clusters at once, and with the CPU time core, Chromium, the clusters and the whole machine used
//     meanwhile: process-cpu.ts), the longest task while the shell warms up the wizard and Monaco,
//     then the wizard's first Edit Mode once the shell is idle;
//   and `serve` started → first row of one cluster, next to kubectl listing it.
// While rows arrive, while scrolling, during the burst and while the shell warms up, the busiest
// task's main-thread CPU time stands next to the longest task (task-cpu.ts).
// Each step starts once the machine is quiet (settle): the clusters' own work after a step is not Portolan's.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestCluster } from '../cluster/test-cluster';
import { serve, type ServedApp } from '../e2e/fixtures';
import { percentile, settle, timed, type FigureBook } from './bench-stats';
import { clientFor } from './bench-client';
import { bareList } from './core-figures';
import { bareWatch, kubectlWatch, latencies, Patcher } from './burst';
import { installProbe, type ProbeState } from './page-probe';
import { traceTasks } from './task-cpu';
import { childrenNamed, cpuMs, machineMs, snapshot } from './process-cpu';

export interface PageBench {
  book: FigureBook;
  /** The page's kubeconfig (the row clusters only, no current context) and the full one. */
  pageKubeconfig: string;
  kubeconfig: string;
  rowClusters: TestCluster[];
  /** Rows the page shows with every row cluster ticked. */
  totalRows: number;
  burst: number;
  runs: number;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// tsx keeps function names with a helper (__name) the page does not have: every evaluate needs it.
const PROBE = `globalThis.__name = (f) => f; (${installProbe.toString()})();`;

/** A new tab (its own context: no cookie, cache or storage from another run), still blank. */
async function blankPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: PROBE });
  return { context, page: await context.newPage() };
}

async function freshPage(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await blankPage(browser);
  await opened.page.goto(url);
  return opened;
}

const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());
const probe = (page: Page): Promise<ProbeState> => page.evaluate(() => window.portolanBench);

async function longestTask(page: Page, from: number, to: number): Promise<number> {
  const { longTasks } = await probe(page);
  return Math.max(0, ...longTasks.filter((t) => t.start + t.duration >= from && t.start <= to).map((t) => t.duration));
}

/** The longest wait of an input for its handlers within the window (Event Timing, inputs over 16 ms). */
async function longestInputDelay(page: Page, from: number, to: number): Promise<number> {
  const { inputs } = await probe(page);
  return Math.max(0, ...inputs.filter((i) => i.start >= from && i.start <= to).map((i) => i.delay));
}

/** Clicks a heading (which does nothing) every 100 ms until stopped: the user poking the page. */
function poke(page: Page): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    const box = await page.getByRole('heading', { level: 1 }).first().boundingBox();
    while (running && box) {
      await page.mouse.click(box.x + 5, box.y + box.height / 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

async function heapMB(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

// The waits below check their condition in the page whenever its DOM changes (a MutationObserver),
// and nothing runs in between. Playwright's waitForFunction with `polling: 'raf'` ran the check on
// every animation frame and so kept the page drawing frames while the rows arrived: measured on page
// load → all 30,003 rows live, 3 runs each twice over, 2.4–2.9 s with the observer against
// 2.3–3.3 s (median about 0.4 s more) with rAF polling, and about 200 ms more of the renderer's
// CPU. A locator's waitFor polls from this process after 0, 20, 70, 170, 270, 770 ms…: it measured
// the first Edit Mode in steps of 100 ms and more.

/** Every cluster of the strip live, and their counts adding up to `total`; resolves with the page's time then. */
async function allLive(page: Page, clusters: number, total: number): Promise<number> {
  return page.evaluate(([clusters, total]) => {
    const holds = (): boolean => {
      const items = [...document.querySelectorAll('[aria-label="Cluster status"] li')];
      if (items.length !== clusters) return false;
      let sum = 0;
      for (const item of items) {
        const text = item.textContent ?? '';
        const count = /(\d+) Services?/.exec(text);
        if (!text.includes('Live') || !count) return false;
        sum += Number(count[1]);
      }
      return sum === total;
    };
    return window.portolanWhenDom(holds, `${clusters} clusters live with ${total} Services`);
  }, [clusters, total] as const);
}

/** The Services table shows its first row; resolves with the page's time then. */
async function firstRowShown(page: Page): Promise<number> {
  return page.evaluate(() => window.portolanWhenDom(() => document.querySelector('[role="table"][aria-label="Services"] a[href]') !== null, 'a row in the Services table'));
}

/** The wizard's editor (Monaco) shows the manifest. */
async function manifestInEditor(page: Page): Promise<void> {
  await page.evaluate(() => window.portolanWhenDom(() => document.querySelector('.wz-editor .view-lines')?.textContent?.includes('apiVersion') === true, 'the manifest in Monaco'));
}

/** Unticks every cluster and waits for the status strip to go: the page's subscriptions have ended. */
async function untickAll(page: Page, clusters: TestCluster[]): Promise<void> {
  for (const cluster of clusters) await page.getByRole('checkbox', { name: `Show ${cluster.name}`, exact: true }).uncheck();
  await page.locator('[aria-label="Cluster status"]').waitFor({ state: 'detached' });
}

async function setSelected(page: Page, selected: string[]): Promise<void> {
  await page.evaluate(async (selected) => {
    await fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify({ method: 'setUiState', input: { pinned: [], selected, namespaces: {}, groupBy: 'file' } }) });
  }, selected);
}

async function scrollEndToEnd(page: Page): Promise<[number, number]> {
  return page.evaluate(async () => {
    const body = document.querySelector<HTMLElement>('.st-body')!;
    const began = performance.now();
    await new Promise<void>((resolve) => {
      const step = (): void => {
        body.scrollTop += 4000;
        if (body.scrollTop + body.clientHeight >= body.scrollHeight - 1) resolve();
        else requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    return [began, performance.now()] as [number, number];
  });
}

async function firstPage(bench: PageBench, browser: Browser, served: ServedApp, patcher: Patcher, run: number): Promise<void> {
  const { book, rowClusters, totalRows } = bench;
  const { context, page } = await freshPage(browser, served.url);
  await page.getByRole('checkbox', { name: `Show ${rowClusters[0]!.name}`, exact: true }).waitFor();

  let from = await pageNow(page);
  let stopTracing = await traceTasks(browser, page);
  const began = performance.now();
  for (const cluster of rowClusters) await page.getByRole('checkbox', { name: `Show ${cluster.name}`, exact: true }).check();
  let stopPoking = poke(page);
  await allLive(page, rowClusters.length, totalRows);
  book.sample(`tick ${rowClusters.length} clusters → all ${totalRows} rows live`, performance.now() - began);
  await stopPoking();
  let to = await pageNow(page);
  book.sample(`busiest task while ${totalRows} rows arrive: its main-thread CPU`, await stopTracing());
  book.sample(`longest task while ${totalRows} rows arrive`, await longestTask(page, from, to));
  book.sample(`longest input delay while ${totalRows} rows arrive`, await longestInputDelay(page, from, to));
  // The rows are live; their endpoint counts follow (the EndpointSlices are listed after the
  // Services): the longest task until the machine is quiet again.
  from = to;
  await settle();
  book.sample('longest task while the endpoint counts fill in', await longestTask(page, from, await pageNow(page)));

  stopTracing = await traceTasks(browser, page);
  const [scrollFrom, scrollTo] = await scrollEndToEnd(page);
  book.sample(`busiest task scrolling ${totalRows} rows end to end: its main-thread CPU`, await stopTracing());
  book.sample(`longest task scrolling ${totalRows} rows end to end`, await longestTask(page, scrollFrom, scrollTo));

  await settle();
  // A fresh kubectl watch per burst: one left running across bursts has been seen to exit quietly.
  let canary = 0;
  // Labels unique to this burst of this bench: Services of reused clusters (--clusters) still carry
  // the labels of earlier benches, which a fresh page lists before any patch.
  const burstId = Date.now() % 1_000_000 * 100 + run;
  const watch = await kubectlWatch(rowClusters[0]!, 'default', async () => {
    const label = `b999999-${burstId * 1000 + canary++}`;
    await patcher.label('svc-0', label);
    return label;
  });
  const seen = watch.seen;
  const floor = await bareWatch(bench.kubeconfig, rowClusters[0]!.name, 'default');
  from = await pageNow(page);
  const count = Math.min(bench.burst, totalRows);
  stopPoking = poke(page);
  stopTracing = await traceTasks(browser, page);
  const sent = await patcher.burst(burstId, count);
  const deadline = Date.now() + 30_000;
  let state = await probe(page);
  const arrived = (): boolean => Object.keys(state.paint).filter((l) => l.startsWith(`b${burstId}-`)).length >= count
    && latencies(sent, seen).length >= count && latencies(sent, floor.seen).length >= count;
  while (Date.now() < deadline && !arrived()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = await probe(page);
  }
  const store = latencies(sent, state.store);
  const paint = latencies(sent, state.paint);
  const kubectl = latencies(sent, seen);
  const bare = latencies(sent, floor.seen);
  watch.stop();
  floor.stop();
  // Every change, next to the floor (which receives every one too); and next to kubectl on the
  // changes kubectl received (it often stops early, and its first changes met a quieter server).
  const kubectlSaw = new Map([...sent].filter(([label]) => seen.has(label)));
  const storeSame = latencies(kubectlSaw, state.store);
  for (const [name, p] of [['p50', 50], ['p99', 99], ['max', 100]] as const) {
    book.sample(`burst of ${count}: change → row in the store, ${name}`, percentile(store, p), percentile(bare, p));
    book.sample(`burst of ${count}: change → row painted, ${name}`, percentile(paint, p), percentile(bare, p));
  }
  for (const [name, p] of [['p50', 50], ['p99', 99]] as const) {
    book.sample(`burst of ${count}: change → row in the store, ${name}, on the changes kubectl received`, percentile(storeSame, p), percentile(kubectl, p));
  }
  book.sample(`burst of ${count}: changes received`, store.length, kubectl.length);
  book.sample(`burst of ${count}: changes received, vs the floor`, store.length, bare.length);
  await stopPoking();
  to = await pageNow(page);
  book.sample(`busiest task during the burst (${totalRows} rows shown): its main-thread CPU`, await stopTracing());
  book.sample(`longest task during the burst (${totalRows} rows shown)`, await longestTask(page, from, to));
  book.sample(`longest input delay during the burst (${totalRows} rows shown)`, await longestInputDelay(page, from, to));

  // Heap: holding every row, after unticking the clusters, and after ticking and unticking them once
  // more (what a user switching back and forth leaves behind).
  const holding = await heapMB(context, page);
  const untick = async (): Promise<number> => {
    await untickAll(page, rowClusters);
    return heapMB(context, page);
  };
  const first = await untick();
  for (const cluster of rowClusters) await page.getByRole('checkbox', { name: `Show ${cluster.name}`, exact: true }).check();
  await allLive(page, rowClusters.length, totalRows);
  const second = await untick();
  book.sample(`renderer heap holding ${totalRows} rows`, holding, first);
  book.sample('renderer heap after ticking and unticking every cluster again', second, first);
  // The next page starts with the three clusters remembered (after the page's own save of none).
  await new Promise((resolve) => setTimeout(resolve, 500));
  await setSelected(page, rowClusters.map((c) => c.name));
  await context.close();
}

async function secondPage(bench: PageBench, browser: Browser, served: ServedApp): Promise<void> {
  const { book, rowClusters, totalRows } = bench;
  // Timed by the page's own clock, from its navigation's start (its time origin) to the moment the
  // condition held in it: opening the tab (a new browser context and renderer, 220–330 ms and
  // 310–450 ms of Chromium's CPU here) and the bench's round trips to the page are not the page's load.
  const { context, page } = await blankPage(browser);
  const cpuBefore = snapshot();
  await page.goto(served.url);
  const firstRow = await firstRowShown(page);
  book.sample('page load → first row', firstRow);
  // Not traced: a trace of these seconds, while 8 MB of packed rows come through, slowed the page's load.
  const lastRow = await allLive(page, rowClusters.length, totalRows);
  const cpuAfter = snapshot();
  if (cpuBefore && cpuAfter) {
    const during = `page load → all ${totalRows} rows live`;
    const clusterPids = rowClusters.flatMap((c) => Object.values(c.state.processes).flatMap((p) => (p ? [p.pid] : [])));
    const machine = machineMs(cpuBefore, cpuAfter);
    book.sample(`${during}: CPU time of core`, cpuMs(cpuBefore, cpuAfter, [served.process.pid!]));
    book.sample(`${during}: CPU time of Chromium (every process)`, cpuMs(cpuBefore, cpuAfter, childrenNamed(cpuAfter, 'chrom')));
    book.sample(`${during}: CPU time of the ${rowClusters.length} clusters`, cpuMs(cpuBefore, cpuAfter, clusterPids));
    book.sample(`${during}: CPU time of the machine`, machine.busy, machine.available);
  }
  // From here the shell warms up the wizard and Monaco in its quiet spells (renderer/src/warm-up.ts).
  const stopTracing = await traceTasks(browser, page);
  // The floor: the same Services listed by the same bare LIST requests, the three clusters at once, in this process.
  await settle();
  const clients = rowClusters.map((c) => clientFor(bench.kubeconfig, c.name));
  let listed: number[] = [];
  const floorMs = await timed(async () => (listed = await Promise.all(clients.map((client) => bareList(client, null)))));
  await Promise.all(clients.map((client) => client.close()));
  if (listed.reduce((a, b) => a + b, 0) !== totalRows) throw new Error(`the floor listed ${listed.join(' + ')} Services, not ${totalRows}`);
  book.sample(`page load → all ${totalRows} rows from ${rowClusters.length} clusters live`, lastRow, floorMs);
  // The app's start (its script evaluated, the shell's first render) and the rows arriving after it.
  book.sample('longest task from page load to the first row', await longestTask(page, 0, firstRow));
  book.sample(`longest task from the first row until all ${totalRows} rows are live`, await longestTask(page, firstRow, lastRow));

  // The shell is idle once it has warmed up the wizard and Monaco (renderer/src/warm-up.ts marks it).
  await page.waitForFunction(() => performance.getEntriesByName('portolan:warm').length > 0, undefined, { timeout: 60_000, polling: 200 });
  const warm = await page.evaluate(() => performance.getEntriesByName('portolan:warm')[0]!.startTime);
  book.sample('longest task while the shell warms up (wizard, Monaco)', await longestTask(page, lastRow, warm));
  book.sample('busiest task while the shell warms up (wizard, Monaco): its main-thread CPU', await stopTracing());
  await page.getByRole('button', { name: 'Create Service' }).click();
  await page.getByRole('dialog', { name: 'Create Service' }).getByRole('textbox', { name: /^Name/ }).waitFor();
  const opened = performance.now();
  await page.getByRole('button', { name: 'Edit Mode' }).click();
  await manifestInEditor(page);
  book.sample('first Edit Mode, shell idle → Monaco shows the manifest', performance.now() - opened);
  // This page's subscriptions end before it goes: a page that just closes keeps them for a minute
  // (a reload within it carries on, electron/serve/client-sessions.ts), and the next run's pages
  // then found their rows listed already (core used 410–480 ms of CPU for a page load that takes it
  // 1.1–1.6 s from fresh lists).
  const wizard = page.getByRole('dialog', { name: 'Create Service' });
  await wizard.getByRole('button', { name: 'Close' }).click();
  await wizard.waitFor({ state: 'detached' });
  await untickAll(page, rowClusters);
  await setSelected(page, []);
  await context.close();
}

async function serveToFirstRow(bench: PageBench, browser: Browser, kubeconfig: string): Promise<void> {
  const cluster = bench.rowClusters[0]!;
  const began = performance.now();
  const served = await serve(kubeconfig, mkdtempSync(join(tmpdir(), 'portolan-bench-state-')));
  try {
    const { context, page } = await freshPage(browser, served.url);
    await firstRowShown(page);
    const portolan = performance.now() - began;
    await context.close();
    const t = performance.now();
    await cluster.kubectl(['get', 'services', '-n', 'default']);
    bench.book.sample(`serve started → first row (${cluster.name})`, portolan, performance.now() - t);
  } finally {
    served.process.kill('SIGTERM');
  }
}

export async function pageFigures(bench: PageBench): Promise<void> {
  const { book, rowClusters, runs } = bench;
  const dir = mkdtempSync(join(tmpdir(), 'portolan-bench-page-'));
  const single = join(dir, 'one-cluster-kubeconfig');
  writeFileSync(single, JSON.stringify({ ...JSON.parse(readFileSync(bench.pageKubeconfig, 'utf8')) as object, 'current-context': rowClusters[0]!.name }), { mode: 0o600 });
  const served = await serve(bench.pageKubeconfig, join(dir, 'state'));
  const browser = await chromium.launch({ executablePath: process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const patcher = new Patcher(bench.kubeconfig, rowClusters[0]!.name, 'default');
  try {
    for (let run = 0; run < runs; run += 1) {
      await settle();
      await firstPage(bench, browser, served, patcher, run);
      await settle();
      await secondPage(bench, browser, served);
      await settle();
      await serveToFirstRow(bench, browser, single);
    }
  } finally {
    await patcher.close();
    await browser.close();
    served.process.kill('SIGTERM');
  }
  const total = bench.totalRows;
  const burst = Math.min(bench.burst, total);
  book.close(`tick ${rowClusters.length} clusters → all ${total} rows live`, 'ms', null);
  book.close(`longest task while ${total} rows arrive`, 'ms', null, 'none over 50 ms (0)');
  book.close(`busiest task while ${total} rows arrive: its main-thread CPU`, 'ms', null, '< 50 ms');
  book.close(`longest input delay while ${total} rows arrive`, 'ms', null, '< 100 ms');
  book.close('longest task while the endpoint counts fill in', 'ms', null, 'none over 50 ms (0)');
  book.close(`longest task scrolling ${total} rows end to end`, 'ms', null, 'none over 50 ms (0)');
  book.close(`busiest task scrolling ${total} rows end to end: its main-thread CPU`, 'ms', null, '< 50 ms');
  for (const name of ['p50', 'p99', 'max']) {
    book.close(`burst of ${burst}: change → row in the store, ${name}`, 'ms', 'a bare watch in its own process', name === 'p99' ? '< 100 ms' : null);
    book.close(`burst of ${burst}: change → row painted, ${name}`, 'ms', 'a bare watch in its own process', name === 'p99' ? '< 150 ms' : null);
  }
  for (const name of ['p50', 'p99']) {
    book.close(`burst of ${burst}: change → row in the store, ${name}, on the changes kubectl received`, 'ms', 'kubectl get --watch -o json', name === 'p99' ? '≤ kubectl' : null);
  }
  book.close(`burst of ${burst}: changes received`, 'events', 'kubectl get --watch -o json', `${burst} each`);
  book.close(`burst of ${burst}: changes received, vs the floor`, 'events', 'a bare watch in its own process', `${burst} each`);
  book.close(`longest task during the burst (${total} rows shown)`, 'ms', null, 'none over 50 ms (0)');
  book.close(`busiest task during the burst (${total} rows shown): its main-thread CPU`, 'ms', null, '< 50 ms');
  book.close(`longest input delay during the burst (${total} rows shown)`, 'ms', null, '< 100 ms');
  book.close(`renderer heap holding ${total} rows`, 'MB', 'after unticking every cluster');
  book.close('renderer heap after ticking and unticking every cluster again', 'MB', 'after unticking the first time', 'within 10%');
  book.close('page load → first row', 'ms', null);
  book.close(`page load → all ${total} rows from ${rowClusters.length} clusters live`, 'ms', 'the same bare LISTs of the clusters at once', '< 2000 ms');
  if (existsSync('/proc/stat')) {
    const during = `page load → all ${total} rows live`;
    book.close(`${during}: CPU time of core`, 'ms', null);
    book.close(`${during}: CPU time of Chromium (every process)`, 'ms', null);
    book.close(`${during}: CPU time of the ${rowClusters.length} clusters`, 'ms', null);
    book.close(`${during}: CPU time of the machine`, 'ms', 'all its cores for as long (busy ÷ available)');
  }
  book.close('longest task from page load to the first row', 'ms', null);
  book.close(`longest task from the first row until all ${total} rows are live`, 'ms', null, 'none over 50 ms (0)');
  book.close('longest task while the shell warms up (wizard, Monaco)', 'ms', null, 'none over 50 ms (0)');
  book.close('busiest task while the shell warms up (wizard, Monaco): its main-thread CPU', 'ms', null, '< 50 ms');
  book.close('first Edit Mode, shell idle → Monaco shows the manifest', 'ms', null, '< 300 ms');
  book.close(`serve started → first row (${rowClusters[0]!.name})`, 'ms', 'kubectl get services (table)');
}
