// Portolan's benchmark (a measurement, not a test: nothing fails on a slow number).
//   npm run bench -- [--sizes 1000,10000] [--rows 10000] [--burst 1000] [--runs 5] [--json FILE]
//   npm run bench -- --smoke            (N = 200, one run: what the test suite runs)
//   npm run bench -- --clusters DIR     (four clusters of `npm run cluster:up -- --clusters 4 --dir DIR`,
//                                        filled on the first run and left running: compare builds)
//   npm run bench -- --cluster-nice 10  (the clusters at a lower priority, closer to remote machines
//                                        for the page's figures: see cluster-priority.ts; 0 by default)
// Starts its own real clusters (A: initial-load namespaces; B, C, D: `--rows` Services each for the
// page), needs `npm run build` first (the page figures run the built app in Chromium), prints one
// table and writes the same figures as JSON, and always stops its clusters.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadClusters, startClusters, stopClusters } from '../cluster/clusters';
import { setClusterNiceness } from './cluster-priority';
import { createServices, loadNamespace, pageKubeconfig, type LoadKind } from './bench-setup';
import { FigureBook, table } from './bench-stats';
import { coreHeap, initialLoad } from './core-figures';
import { pageFigures } from './page-figures';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    rows: { type: 'string', default: '10000' },
    burst: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    clusters: { type: 'string' },
    'cluster-nice': { type: 'string', default: '0' },
  },
});
const smoke = values.smoke;
const sizes = smoke ? [200] : values.sizes.split(',').map(Number);
const rowsPerCluster = smoke ? 200 : Number(values.rows);
const burst = smoke ? 200 : Number(values.burst);
const runs = smoke ? 1 : Number(values.runs);
if ([...sizes, rowsPerCluster, burst, runs].some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error('--sizes, --rows, --burst and --runs take positive whole numbers');
}
const clusterNice = Number(values['cluster-nice']);
if (!Number.isInteger(clusterNice) || clusterNice < 0 || clusterNice > 19) throw new Error('--cluster-nice takes a whole number from 0 to 19');

const dir = values.clusters ?? mkdtempSync(join(tmpdir(), 'portolan-bench-'));
const own = values.clusters === undefined;
const book = new FigureBook();
const log = (line: string): void => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
let failure: unknown = null;

try {
  log(own ? `starting 4 clusters in ${dir}` : `using the clusters in ${dir}`);
  const set = own ? await startClusters({ count: 4, dir }) : loadClusters(dir);
  if (set.clusters.length !== 4) throw new Error(`the bench needs 4 clusters, ${dir} has ${set.clusters.length}`);
  log(`clusters at niceness ${clusterNice}: ${setClusterNiceness(set.clusters, clusterNice)} threads`);
  const [loads, ...rowClusters] = set.clusters;
  const kinds: LoadKind[] = ['plain', 'realistic'];
  for (const size of sizes) {
    for (const kind of kinds) {
      log(`creating ${size} ${kind} Services`);
      await createServices(loads!, loadNamespace(kind, size), size, kind);
    }
  }
  log(`creating ${rowsPerCluster} Services in each of ${rowClusters.length} clusters`);
  await Promise.all(rowClusters.map((c) => createServices(c, 'default', rowsPerCluster, 'plain')));
  // Each cluster's `default` also holds the `kubernetes` Service.
  const totalRows = rowClusters.length * (rowsPerCluster + 1);

  for (const size of sizes) {
    for (const kind of kinds) {
      log(`initial load: ${size} ${kind}`);
      await initialLoad(book, loads!, set.kubeconfig, loadNamespace(kind, size), size, runs, `${size} ${kind} Services`);
    }
  }
  log('core heap');
  await coreHeap(book, set.kubeconfig, rowClusters.map((c) => c.name), totalRows, runs);
  log('page figures');
  await pageFigures({ book, pageKubeconfig: pageKubeconfig(set, dir), kubeconfig: set.kubeconfig, rowClusters, totalRows, burst, runs });
} catch (error) {
  failure = error;
} finally {
  if (own) {
    await stopClusters(dir);
    log('clusters stopped');
  }
}
if (failure) throw failure;

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.versions.node}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, clusters at niceness ${clusterNice}`;
console.log(`\nPortolan benchmark, ${new Date().toISOString()} (${machine}); medians of ${runs} run(s), min–max in brackets\n`);
console.log(table(book.figures));
const json = JSON.stringify({ date: new Date().toISOString(), machine, clusterNice, runs, sizes, rowsPerCluster, burst, figures: book.figures }, null, 2);
const file = values.json ?? join(mkdtempSync(join(tmpdir(), 'portolan-bench-json-')), 'bench.json');
writeFileSync(file, json);
console.log(`\nAs JSON: ${file}`);
