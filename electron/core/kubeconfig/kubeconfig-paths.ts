import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

/**
 * The kubeconfig files kubectl would read: every entry of KUBECONFIG (':'-separated, ';' on Windows),
 * empty entries and duplicates dropped, in order; else ~/.kube/config.
 */
export function kubeconfigPaths(env: NodeJS.ProcessEnv = process.env, home = homedir(), separator = delimiter): string[] {
  const list = (env.KUBECONFIG ?? '')
    .split(separator)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => resolve(p));
  const unique = [...new Set(list)];
  return unique.length > 0 ? unique : [join(home, '.kube', 'config')];
}
