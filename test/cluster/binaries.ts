// Where the test-cluster binaries are: $KUBEBUILDER_ASSETS first (envtest convention), then the cache
// that build-binaries.sh fills. Missing binaries are built on demand (slow the first time).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export interface ClusterVersions {
  KUBERNETES_VERSION: string;
  ETCD_VERSION: string;
  KWOK_VERSION: string;
}

export function readVersions(): ClusterVersions {
  const entries = readFileSync(join(here, 'versions.env'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('=', 2) as [string, string]);
  const found = Object.fromEntries(entries);
  for (const key of ['KUBERNETES_VERSION', 'ETCD_VERSION', 'KWOK_VERSION']) {
    if (!found[key]) throw new Error(`test/cluster/versions.env has no ${key}`);
  }
  return found as unknown as ClusterVersions;
}

export interface ClusterBinaries {
  etcd: string;
  etcdctl: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kubectl: string;
  kwok: string;
  /** Folder of kwok Stage documents (node/fast, pod/fast, …) shipped in the kwok module. */
  kwokStages: string;
  kubernetesVersion: string;
}

export function cacheRoot(): string {
  return join(process.env.PORTOLAN_CACHE ?? join(homedir(), '.cache', 'portolan'), 'bin');
}

function locate(versions: ClusterVersions): ClusterBinaries {
  const root = cacheRoot();
  const k8s = join(root, 'kubernetes', versions.KUBERNETES_VERSION);
  const etcd = join(root, 'etcd', versions.ETCD_VERSION);
  const kwok = join(root, 'kwok', versions.KWOK_VERSION);
  const assets = process.env.KUBEBUILDER_ASSETS;
  const pick = (dir: string, name: string): string =>
    assets && existsSync(join(assets, name)) ? join(assets, name) : join(dir, name);
  return {
    etcd: pick(etcd, 'etcd'),
    etcdctl: pick(etcd, 'etcdctl'),
    kubeApiserver: pick(k8s, 'kube-apiserver'),
    kubeControllerManager: pick(k8s, 'kube-controller-manager'),
    kubeScheduler: pick(k8s, 'kube-scheduler'),
    kubectl: pick(k8s, 'kubectl'),
    kwok: pick(kwok, 'kwok'),
    kwokStages: join(kwok, 'stage'),
    kubernetesVersion: versions.KUBERNETES_VERSION,
  };
}

function missing(binaries: ClusterBinaries): string[] {
  return Object.entries(binaries)
    .filter(([key]) => key !== 'kubernetesVersion')
    .map(([, path]) => path as string)
    .filter((path) => !existsSync(path));
}

/** Returns every binary, building what is missing (prints progress on stderr). */
export function ensureBinaries(): ClusterBinaries {
  const versions = readVersions();
  let binaries = locate(versions);
  if (missing(binaries).length > 0) {
    execFileSync('bash', [join(here, 'build-binaries.sh'), 'all'], { stdio: ['ignore', 'ignore', 'inherit'] });
    binaries = locate(versions);
    const still = missing(binaries);
    if (still.length > 0) throw new Error(`test cluster binaries still missing after build: ${still.join(', ')}`);
  }
  return binaries;
}
