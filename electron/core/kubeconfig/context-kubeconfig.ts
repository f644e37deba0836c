// One context of the merged kubeconfig as a client-node KubeConfig holding only that context, with
// relative file paths resolved against the file each entry came from (as kubectl does).
import { KubeConfig } from '@kubernetes/client-node';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { MergedKubeconfig, NamedEntry } from './merge-kubeconfigs';
import { isRecord } from './parse-kubeconfig';

function absolute(value: unknown, base: string): unknown {
  return typeof value === 'string' && value !== '' && !isAbsolute(value) ? resolve(base, value) : value;
}

function withPaths(entry: NamedEntry<Record<string, unknown>>, keys: string[]): Record<string, unknown> {
  const base = dirname(entry.source);
  const copy: Record<string, unknown> = { ...entry.value };
  for (const key of keys) if (key in copy) copy[key] = absolute(copy[key], base);
  const exec = copy.exec;
  if (isRecord(exec) && typeof exec.command === 'string' && /[\\/]/.test(exec.command)) {
    copy.exec = { ...exec, command: absolute(exec.command, base) };
  }
  return copy;
}

export function contextKubeConfig(merged: MergedKubeconfig, contextName: string): KubeConfig {
  const context = merged.contexts.get(contextName);
  if (!context) throw new Error(`no context named "${contextName}" in the kubeconfig`);
  const clusterName = String(context.value.cluster ?? '');
  const userName = String(context.value.user ?? '');
  const cluster = merged.clusters.get(clusterName);
  if (!cluster) throw new Error(`context "${contextName}" points at cluster "${clusterName}", which no kubeconfig file defines`);
  const user = userName ? merged.users.get(userName) : undefined;
  if (userName && !user) throw new Error(`context "${contextName}" points at user "${userName}", which no kubeconfig file defines`);
  const kc = new KubeConfig();
  kc.loadFromString(JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: clusterName, cluster: withPaths(cluster, ['certificate-authority']) }],
    users: [{ name: userName || 'anonymous', user: user ? withPaths(user, ['client-certificate', 'client-key', 'tokenFile']) : {} }],
    contexts: [{ name: contextName, context: { ...context.value, user: userName || 'anonymous' } }],
    'current-context': contextName,
  }));
  return kc;
}
