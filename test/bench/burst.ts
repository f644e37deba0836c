// A burst: `count` Services of one cluster patched by 50 parallel clients (each its own connection),
// every patch setting the label bench=<burst label> (the change's time: when the server answered); meanwhile `kubectl get --watch-only -o json`
// runs on the same Services as the reference, and a bare watch (bare-watch.ts) as the floor: each notes when each label reaches it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { KubeClient } from '../../electron/core/kube/kube-client';
import type { TestCluster } from '../cluster/test-cluster';
import { clientFor } from './bench-client';

const epoch = (): number => performance.timeOrigin + performance.now();

export interface KubectlWatch {
  /** label → epoch ms when kubectl printed it */
  seen: Map<string, number>;
  stop(): void;
}

/** kubectl watching the namespace's Services, printing each changed object as JSON. */
export async function kubectlWatch(cluster: TestCluster, namespace: string, ready: () => Promise<string>): Promise<KubectlWatch> {
  const seen = new Map<string, number>();
  const child = spawn(cluster.binaries.kubectl, [`--kubeconfig=${cluster.state.adminKubeconfig}`, 'get', 'services', '-n', namespace, '--watch-only', '-o', 'json'],
    { stdio: ['ignore', 'pipe', 'ignore'] });
  let tail = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const at = epoch();
    const text = tail + chunk;
    for (const m of text.matchAll(/"bench": "(b\d+-\d+)"/g)) if (!seen.has(m[1]!)) seen.set(m[1]!, at);
    tail = text.slice(-64);
  });
  // The watch is established once a canary change reaches it.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const label = await ready();
    const deadline = Date.now() + 1000;
    while (Date.now() < deadline && !seen.has(label)) await new Promise((resolve) => setTimeout(resolve, 20));
    if (seen.has(label)) return { seen, stop: () => child.kill('SIGTERM') };
  }
  child.kill('SIGTERM');
  throw new Error('kubectl --watch never saw a change');
}

/** The floor: bare-watch.ts in its own process, noting when each label reaches it. */
export async function bareWatch(kubeconfig: string, context: string, namespace: string): Promise<KubectlWatch> {
  const seen = new Map<string, number>();
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bare-watch.ts'), kubeconfig, context, namespace],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const started = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'watching') return resolve();
      const [label, at] = line.split(' ');
      if (label && at && !seen.has(label)) seen.set(label, Number(at));
    });
    child.on('exit', (code) => reject(new Error(`the bare watch exited with ${code}`)));
  });
  await started;
  return { seen, stop: () => child.kill('SIGTERM') };
}

export class Patcher {
  private readonly clients: KubeClient[];
  private readonly namespace: string;

  constructor(kubeconfig: string, context: string, namespace: string, parallel = 50) {
    this.namespace = namespace;
    this.clients = Array.from({ length: parallel }, () => clientFor(kubeconfig, context));
  }

  async label(name: string, label: string): Promise<void> {
    await this.clients[0]!.json('PATCH', `/api/v1/namespaces/${this.namespace}/services/${name}`,
      { body: { metadata: { labels: { bench: label } } }, contentType: 'application/merge-patch+json' });
  }

  /**
   * Patches svc-0 … svc-(count-1); returns label → epoch ms when the API server answered its patch,
   * i.e. when the change was made (a watcher may even see it a moment before the answer arrives).
   */
  async burst(burstId: number, count: number): Promise<Map<string, number>> {
    const sent = new Map<string, number>();
    let next = 0;
    await Promise.all(this.clients.map(async (client) => {
      for (let i = next++; i < count; i = next++) {
        const label = `b${burstId}-${i}`;
        await client.json('PATCH', `/api/v1/namespaces/${this.namespace}/services/svc-${i}`,
          { body: { metadata: { labels: { bench: label } } }, contentType: 'application/merge-patch+json' });
        sent.set(label, epoch());
      }
    }));
    return sent;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.close()));
  }
}

/** Latencies (ms) of the labels a receiver saw, from when each change was made. */
export function latencies(sent: Map<string, number>, seen: Map<string, number> | Record<string, number>): number[] {
  const get = seen instanceof Map ? (k: string) => seen.get(k) : (k: string) => seen[k];
  return [...sent].flatMap(([label, at]) => {
    const arrived = get(label);
    return arrived === undefined ? [] : [arrived - at];
  });
}
