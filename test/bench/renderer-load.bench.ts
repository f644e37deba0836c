// Benchmark of the renderer's own load times in Chromium through the browser transport (not a test:
// it prints numbers). Needs `npm run build` first.
//   npm run bench:renderer -- [--runs 7] [--services 0]
// Starts a private test cluster (with N extra Services when asked) and measures, per fresh page
// (median and worst of the runs): page load until the app shell is interactive, until the first
// Service row is in the table, until the list says Live with every Service counted, opening the
// Create Service wizard (its chunk loads on first use), and its edit mode (Monaco and the schema).
import { chromium } from '@playwright/test';
import { mkdtempSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startClusters, stopClusters } from '../cluster/clusters';
import { serve } from '../e2e/fixtures';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, services: { type: 'string', default: '0' } } });
const runs = Number(values.runs);
const extra = Number(values.services);
const dir = mkdtempSync(join(tmpdir(), 'portolan-bench-renderer-'));
const samples: Record<string, number[]> = { shell: [], firstRow: [], live: [], wizard: [], editor: [] };

const set = await startClusters({ count: 1, dir });
const cluster = set.clusters[0]!;
for (let start = 0; start < extra; start += 1000) {
  const items = Array.from({ length: Math.min(1000, extra - start) }, (_, i) => ({
    apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${start + i}`, namespace: 'default' }, spec: { ports: [{ port: 80 }] },
  }));
  await cluster.kubectl(['apply', '--server-side', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
}
const total = extra + 1; // and the kubernetes Service
const served = await serve(set.kubeconfig);
const browser = await chromium.launch({
  executablePath: process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (let run = 0; run < runs; run += 1) {
    // A fresh context each time: nothing cached, as on a first start.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const began = performance.now();
    await page.goto(served.url);
    await page.getByRole('button', { name: 'Create Service' }).waitFor();
    samples.shell!.push(performance.now() - began);
    await page.getByRole('table', { name: 'Services' }).getByRole('link').first().waitFor({ timeout: 60_000 });
    samples.firstRow!.push(performance.now() - began);
    await page.getByRole('list', { name: 'Cluster status' }).getByText(total === 1 ? '1 Service' : `${total} Services`, { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByRole('list', { name: 'Cluster status' }).getByText('Live').waitFor({ timeout: 60_000 });
    samples.live!.push(performance.now() - began);

    let t = performance.now();
    await page.getByRole('button', { name: 'Create Service' }).click();
    await page.getByRole('dialog', { name: 'Create Service' }).getByRole('textbox', { name: /^Name/ }).waitFor();
    samples.wizard!.push(performance.now() - t);

    t = performance.now();
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    await page.locator('.wz-editor .view-lines').getByText('apiVersion').waitFor({ timeout: 30_000 });
    samples.editor!.push(performance.now() - t);
    await context.close();
  }
} finally {
  await browser.close();
  served.process.kill('SIGTERM');
  await stopClusters(dir);
}

const assets = join(process.cwd(), 'out', 'renderer', 'assets');
const size = (prefix: string): string => {
  const file = readdirSync(assets).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  return file ? `${(statSync(join(assets, file)).size / 1024).toFixed(0)} KiB` : 'missing';
};
const stat = (values: number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms`;
};
const results: Array<[string, string]> = [
  ['page load → app shell interactive', stat(samples.shell!)],
  ['page load → first Service row in the table', stat(samples.firstRow!)],
  [`page load → Live with all ${total} Services counted`, stat(samples.live!)],
  ['Create Service → wizard shown (chunk loaded)', stat(samples.wizard!)],
  ['Edit YAML → Monaco shows the manifest', stat(samples.editor!)],
  ['start bundle (index-*.js)', size('index-')],
  ['wizard chunk', size('CreateServiceDialog-')],
  ['Monaco (editor.api-*.js + monaco-*.js)', `${size('editor.api-')} + ${size('monaco-')}`],
];
const width = Math.max(...results.map(([k]) => k.length));
console.log(`\nRenderer load, ${runs} fresh pages, one cluster with ${total} Services, Chromium ${browser.version()}`);
for (const [k, v] of results) console.log(`  ${k.padEnd(width)}  ${v}`);
