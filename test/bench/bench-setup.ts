// The bench's clusters and objects: cluster A holds the initial-load namespaces (plain Services made
// by server-side apply, and realistic ones made by client-side `kubectl apply`: the last-applied
// annotation, 3 labels, 2 ports); B, C and D hold the rows the page shows, in `default`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterSet } from '../cluster/clusters';
import type { TestCluster } from '../cluster/test-cluster';

export type LoadKind = 'plain' | 'realistic';

export const loadNamespace = (kind: LoadKind, count: number): string => `${kind}-${count}`;

function service(name: string, namespace: string, i: number, kind: LoadKind): Record<string, unknown> {
  if (kind === 'plain') {
    return {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name, namespace, labels: { app: `app-${i % 50}` }, annotations: { 'kubesphere.io/alias-name': `服务 ${i}` } },
      spec: { selector: { app: `app-${i % 50}` }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    };
  }
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace, labels: { app: `app-${i % 50}`, tier: ['web', 'api', 'db'][i % 3], 'app.kubernetes.io/part-of': `shop-${i % 7}` } },
    spec: {
      selector: { app: `app-${i % 50}` },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'metrics', port: 9090, targetPort: 'metrics' }],
    },
  };
}

/** Creates `count` Services in `namespace` of `cluster`, 1000 per kubectl call. */
export async function createServices(cluster: TestCluster, namespace: string, count: number, kind: LoadKind): Promise<void> {
  if (namespace !== 'default') await cluster.kubectl(['create', 'namespace', namespace]);
  for (let start = 0; start < count; start += 1000) {
    const items = Array.from({ length: Math.min(1000, count - start) }, (_, i) => service(`svc-${start + i}`, namespace, start + i, kind));
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
    // Client-side apply is what writes the last-applied annotation (and is much slower).
    await cluster.kubectl(kind === 'plain' ? ['apply', '--server-side', '-f', '-'] : ['apply', '-f', '-'], list);
  }
}

/** A kubeconfig with only the page's clusters and no current context, so a fresh page selects none. */
export function pageKubeconfig(set: ClusterSet, dir: string): string {
  const names = new Set(set.clusters.slice(1).map((c) => c.name));
  const source = JSON.parse(readFileSync(set.kubeconfig, 'utf8')) as { contexts: Array<{ name: string }> };
  const kubeconfig = { ...source, contexts: source.contexts.filter((c) => names.has(c.name)), 'current-context': '' };
  const file = join(dir, 'page-kubeconfig');
  writeFileSync(file, JSON.stringify(kubeconfig, null, 2), { mode: 0o600 });
  return file;
}
