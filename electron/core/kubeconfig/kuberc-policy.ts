// kubectl's credential plugin policy (kuberc, Kubernetes 1.35+): which exec plugins may run at all.
// Read from $KUBERC (or ~/.kube/kuberc; KUBERC=off turns it off) each time a plugin is about to run,
// checked with kubectl's rules and words: AllowAll (or no policy), DenyAll, or an Allowlist of
// commands matched after resolving both sides on PATH. A policy Portolan cannot read refuses every
// plugin: it is a security knob, and a typo must not open it.
import { accessSync, constants, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, normalize, sep } from 'node:path';
import { parse } from 'yaml';
import { isRecord } from './parse-kubeconfig';

export type PluginPolicy =
  | { type: 'AllowAll' }
  | { type: 'DenyAll' }
  | { type: 'Allowlist'; commands: string[] }
  | { type: 'invalid'; reason: string };

export function kubercPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string | null {
  if (env.KUBERC === 'off') return null;
  return env.KUBERC || join(home, '.kube', 'kuberc');
}

/** The policy in force, as kubectl reads and validates it. */
export function readPluginPolicy(env: NodeJS.ProcessEnv = process.env, home = homedir()): PluginPolicy {
  const path = kubercPath(env, home);
  if (!path) return { type: 'AllowAll' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { type: 'AllowAll' } : { type: 'invalid', reason: `kuberc ${path} cannot be read` };
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return { type: 'invalid', reason: `kuberc ${path} is not valid YAML` };
  }
  if (!isRecord(doc)) return { type: 'AllowAll' };
  const policy = doc.credentialPluginPolicy ?? '';
  const list = doc.credentialPluginAllowlist;
  if (policy === '' || policy === 'AllowAll' || policy === 'DenyAll') {
    if (list !== undefined && list !== null) {
      return { type: 'invalid', reason: `misconfigured credential plugin allowlist: plugin policy is "${String(policy)}" but allowlist is non-nil` };
    }
    return { type: policy === 'DenyAll' ? 'DenyAll' : 'AllowAll' };
  }
  if (policy !== 'Allowlist') return { type: 'invalid', reason: `unknown plugin policy: "${String(policy)}"` };
  if (!Array.isArray(list)) return { type: 'invalid', reason: 'credential plugin policy set to "Allowlist", but allowlist is unspecified' };
  if (list.length === 0) return { type: 'invalid', reason: 'credential plugin policy set to "Allowlist", but allowlist is empty; use "DenyAll" policy instead' };
  const commands: string[] = [];
  for (const [i, entry] of list.entries()) {
    // `name` is the deprecated spelling of `command`.
    const command = isRecord(entry) ? String(entry.command ?? entry.name ?? '') : '';
    if (command === '') return { type: 'invalid', reason: `misconfigured credential plugin allowlist: empty allowlist entry #${i + 1}` };
    // Go's filepath.Clean: normalised, no trailing separator.
    const normalized = normalize(command);
    const cleaned = normalized.length > 1 && normalized.endsWith(sep) ? normalized.slice(0, -1) : normalized;
    if (cleaned !== command) return { type: 'invalid', reason: `non-normalized file path: "${command}" vs "${cleaned}"` };
    commands.push(command);
  }
  return { type: 'Allowlist', commands };
}

/** Go's exec.LookPath: a name with a separator is taken as it is, else the first executable on PATH. */
export function lookPath(command: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const executable = (path: string): boolean => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (command.includes(sep)) return executable(command) ? command : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir === '' ? '.' : dir, command);
    if (executable(candidate)) return candidate;
  }
  return null;
}

/** Throws kubectl's words when the policy does not let `command` (as the kubeconfig names it) run. */
export function checkPluginPolicy(policy: PluginPolicy, command: string, env: NodeJS.ProcessEnv = process.env): void {
  switch (policy.type) {
    case 'AllowAll':
      return;
    case 'invalid':
      throw new Error(`${policy.reason}; no credential plugin may run until it is fixed`);
    case 'DenyAll':
      throw new Error(`plugin "${command}" not allowed: policy set to "DenyAll"`);
    case 'Allowlist': {
      if (policy.commands.includes(command)) return;
      const resolved = lookPath(command, env);
      if (!resolved) throw new Error(`plugin path "${command}" cannot be resolved for credential plugin allowlist check`);
      if (policy.commands.includes(resolved)) return;
      const base = command.split(sep).at(-1);
      const allowed = policy.commands.filter((c) => c.split(sep).at(-1) === base).map((c) => lookPath(c, env));
      if (allowed.includes(resolved)) return;
      throw new Error(`plugin path "${resolved}" is not permitted by the credential plugin allowlist`);
    }
  }
}
