// Node API for suites and the CLI: start N independent clusters in one folder, write one kubeconfig
// with a context per cluster, find them again from another process, stop them all.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBinaries, type ClusterBinaries } from './binaries.ts';
import { base64File } from './pki.ts';
import { stopProcess } from './processes.ts';
import { currentState, TestCluster, type ClusterState } from './test-cluster.ts';

export interface ClusterSet {
  dir: string;
  /** DIR/kubeconfig: one admin context per cluster, named portolan-a, portolan-b, … */
  kubeconfig: string;
  clusters: TestCluster[];
}

const STATE_FILE = 'clusters.json';

export function contextName(index: number): string {
  return `portolan-${String.fromCharCode('a'.charCodeAt(0) + index)}`;
}

/** Starts `count` clusters in parallel under `dir` (replacing what a stopped run left there). */
export async function startClusters(options: { count: number; dir: string }): Promise<ClusterSet> {
  const dir = resolve(options.dir);
  if (existsSync(join(dir, STATE_FILE))) await stopClusters(dir);
  mkdirSync(dir, { recursive: true });
  const binaries = ensureBinaries();
  const names = Array.from({ length: options.count }, (_, i) => contextName(i));
  for (const name of names) rmSync(join(dir, name), { recursive: true, force: true });
  const started = await Promise.allSettled(names.map((name) => startWithRetry(name, join(dir, name), binaries)));
  const clusters = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
  if (failed.length > 0) {
    await Promise.all(clusters.map((c) => c.stop()));
    throw new Error(`could not start the test clusters:\n${failed.map((e) => e.message).join('\n')}`);
  }
  const set: ClusterSet = { dir, kubeconfig: join(dir, 'kubeconfig'), clusters };
  writeFileSync(set.kubeconfig, combinedKubeconfig(clusters.map((c) => c.state)), { mode: 0o600 });
  writeFileSync(join(dir, STATE_FILE), JSON.stringify(clusters.map((c) => c.state), null, 2));
  return set;
}

/** Another program may still bind a port between our check and the component's bind: start again once. */
async function startWithRetry(name: string, dir: string, binaries: ClusterBinaries): Promise<TestCluster> {
  try {
    return await TestCluster.start(name, dir, binaries);
  } catch (error) {
    if (!/address already in use/.test((error as Error).message)) throw error;
    rmSync(dir, { recursive: true, force: true });
    return TestCluster.start(name, dir, binaries);
  }
}

/** The clusters a `startClusters` in another process left running in `dir`. */
export function loadClusters(dir: string): ClusterSet {
  const states = (JSON.parse(readFileSync(join(resolve(dir), STATE_FILE), 'utf8')) as ClusterState[]).map(currentState);
  const binaries = ensureBinaries();
  return { dir: resolve(dir), kubeconfig: join(resolve(dir), 'kubeconfig'), clusters: states.map((s) => new TestCluster(s, binaries)) };
}

/** Stops every process of every cluster recorded in `dir`; leaves the files for post-mortems. */
export async function stopClusters(dir: string): Promise<void> {
  const file = join(resolve(dir), STATE_FILE);
  if (!existsSync(file)) return;
  // Each cluster's own state file knows the processes a test restarted since the set was started.
  const states = (JSON.parse(readFileSync(file, 'utf8')) as ClusterState[]).map(currentState);
  const order = ['kwok', 'kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'etcd'] as const;
  await Promise.all(states.map(async (state) => {
    for (const name of order) {
      const proc = state.processes[name];
      if (proc) await stopProcess(proc.pid);
    }
  }));
  rmSync(file);
}

function combinedKubeconfig(states: ClusterState[]): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: states.map((s) => ({
      name: s.name,
      cluster: { server: s.server, 'certificate-authority-data': base64File(s.pki.caCert) },
    })),
    users: states.map((s) => ({
      name: `${s.name}-admin`,
      user: { 'client-certificate-data': base64File(s.pki.adminCert), 'client-key-data': base64File(s.pki.adminKey) },
    })),
    contexts: states.map((s) => ({ name: s.name, context: { cluster: s.name, user: `${s.name}-admin`, namespace: 'default' } })),
    'current-context': states[0]?.name ?? '',
  }, null, 2);
}
