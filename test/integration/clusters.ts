// What an integration test uses to reach the clusters global-setup started.
import { inject } from 'vitest';
import { createPortolanCore, type CoreOptions, type PortolanCore } from '../../electron/core/portolan-core';
import { loadClusters, type ClusterSet } from '../cluster/clusters.ts';

export function testClusters(): ClusterSet {
  return loadClusters(inject('clusterDir'));
}

/** A namespace name no other test uses. */
export function uniqueNamespace(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
}

export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not true after ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Core on `kubeconfig` with `context` connected: the start of most integration tests. */
export async function connectedCore(kubeconfig: string, context: string, options: Partial<CoreOptions> = {}): Promise<PortolanCore> {
  const core = createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: kubeconfig, origin: 'env' }], stateDir: null, ...options });
  await core.ready;
  await core.handlers.connect({ context });
  await eventually(`${context} connected`, async () =>
    ((await core.handlers.connectionStatuses(undefined)).find((s) => s.context === context)?.state === 'connected' ? true : undefined));
  return core;
}
