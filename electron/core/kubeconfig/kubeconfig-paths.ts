import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { KubeconfigPath } from './kubeconfig-store';

/**
 * The kubeconfig files kubectl would read: every entry of KUBECONFIG (':'-separated, ';' on Windows),
 * empty entries and duplicates dropped, in order; else ~/.kube/config.
 */
export function kubeconfigPaths(env: NodeJS.ProcessEnv = process.env, home = homedir(), separator = delimiter): KubeconfigPath[] {
  const list = (env.KUBECONFIG ?? '')
    .split(separator)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => resolve(p));
  const unique = [...new Set(list)];
  if (unique.length === 0) return [{ path: join(home, '.kube', 'config'), origin: 'default' }];
  return unique.map((path) => ({ path, origin: 'env' }));
}

/** The files the app reads: kubectl's list, then the files the user added in the app (no duplicates). */
export function withAddedFiles(base: KubeconfigPath[], added: string[]): KubeconfigPath[] {
  const seen = new Set(base.map((p) => p.path));
  return [...base, ...added.filter((path) => !seen.has(path)).map((path): KubeconfigPath => ({ path, origin: 'added' }))];
}
