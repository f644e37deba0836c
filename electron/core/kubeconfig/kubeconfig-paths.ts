// Which kubeconfig files to read, exactly as kubectl chooses them (client-go's
// NewDefaultClientConfigLoadingRules): every entry of KUBECONFIG as written (split on ':' or ';' on
// Windows, duplicates and empty entries dropped, nothing trimmed, relative entries against the working
// folder); ~/.kube/config only when KUBECONFIG is unset or empty. Plus kubectl's one-time move of the
// legacy ~/.kube/.kubeconfig to ~/.kube/config.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import type { KubeconfigPath } from './kubeconfig-store';

export function kubeconfigPaths(env: NodeJS.ProcessEnv = process.env, home = homedir(), separator = delimiter, cwd = process.cwd()): KubeconfigPath[] {
  const value = env.KUBECONFIG ?? '';
  if (value === '') return [{ path: join(home, '.kube', 'config'), origin: 'default' }];
  const entries = [...new Set(value.split(separator))].filter((p) => p !== '');
  // A relative entry is read from the working folder as written: join would also drop a trailing
  // slash, which kubectl keeps (and then fails on: `a.yaml/` is not a directory).
  return entries.map((p) => ({ path: isAbsolute(p) ? p : `${cwd}${cwd.endsWith('/') || cwd.endsWith('\\') ? '' : separator === ';' ? '\\' : '/'}${p}`, origin: 'env' }));
}

/** The files the app reads: kubectl's list, then the files the user added in the app (no duplicates). */
export function withAddedFiles(base: KubeconfigPath[], added: string[]): KubeconfigPath[] {
  const seen = new Set(base.map((p) => p.path));
  return [...base, ...added.filter((path) => !seen.has(path)).map((path): KubeconfigPath => ({ path, origin: 'added' }))];
}

/**
 * kubectl's migration rule: when ~/.kube/config does not exist and ~/.kube/.kubeconfig does, copy it
 * over (same permissions, never executable). Anything unexpected leaves both alone.
 */
export function migrateLegacyKubeconfig(home = homedir()): void {
  const destination = join(home, '.kube', 'config');
  const source = join(home, '.kube', '.kubeconfig');
  try {
    statSync(destination);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
  }
  try {
    const info = statSync(source);
    if (!info.isFile()) return;
    // Never executable, and subject to the umask, as kubectl writes it.
    writeFileSync(destination, readFileSync(source), { mode: info.mode & 0o666, flag: 'wx' });
  } catch {
    // No legacy file, or it cannot be read: nothing to migrate, as with kubectl.
  }
}
