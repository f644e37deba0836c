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

/**
 * Makes `namespace` of `cluster` hold Services svc-0 … svc-(count-1), 500 per kubectl call, three
 * calls at a time; names already there (clusters reused with --clusters) are left as they are.
 */
export async function createServices(cluster: TestCluster, namespace: string, count: number, kind: LoadKind): Promise<void> {
  if (namespace !== 'default') await cluster.kubectl(['create', 'namespace', namespace]).catch(() => undefined);
  const present = new Set((await cluster.kubectl(['get', 'services', '-n', namespace, '-o', 'name'])).split('\n').map((n) => n.replace('service/', '')));
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !present.has(`svc-${i}`));
  const chunks = Array.from({ length: Math.ceil(missing.length / 500) }, (_, c) => missing.slice(c * 500, c * 500 + 500));
  await Promise.all(Array.from({ length: 3 }, async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: chunk.map((i) => service(`svc-${i}`, namespace, i, kind)) });
      // Client-side apply is what writes the last-applied annotation (and is much slower).
      await cluster.kubectl(kind === 'plain' ? ['apply', '--server-side', '-f', '-'] : ['apply', '-f', '-'], list);
    }
  }));
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
