// Runs one kubeconfig situation (files on disk, KUBECONFIG, HOME, working folder) through kubectl
// (`kubectl config view --raw -o json`, and `--flatten` to see which files it resolved) and through
// Portolan's reader, and puts both results in one shape so a test can compare them.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { resolvedCluster, resolvedUser } from '../../electron/core/kubeconfig/context-kubeconfig';
import { kubeconfigPaths, migrateLegacyKubeconfig } from '../../electron/core/kubeconfig/kubeconfig-paths';
import { KubeconfigStore } from '../../electron/core/kubeconfig/kubeconfig-store';
import type { MergedKubeconfig } from '../../electron/core/kubeconfig/merge-kubeconfigs';

export type CaseFile = string | { dir: true } | { symlink: string } | { mode: number; text: string };

export interface KubeconfigCase {
  name: string;
  /** Files under the case's root folder (HOME is `<root>/home`); `{root}` in a text is the root. */
  files: Record<string, CaseFile>;
  /** KUBECONFIG as the user set it (`{root}` is the root); undefined leaves it unset. */
  kubeconfig?: string;
  /** The working folder, relative to the root. */
  cwd?: string;
}

/** A merged kubeconfig in the shape `kubectl config view -o json` prints, reduced to what both readers decide. */
export interface ConfigView {
  clusters: Record<string, Record<string, unknown>>;
  users: Record<string, Record<string, unknown>>;
  contexts: Record<string, Record<string, unknown>>;
  currentContext: string;
}

export interface ReaderResult {
  view: ConfigView;
  /** Files refused as a whole (missing files are not refused), as absolute paths. */
  refused: string[];
  /**
   * The base64 contents of the files each cluster and user resolves to (CA, client certificate and
   * key); null when kubectl cannot flatten the config (a referenced file is missing).
   */
  resolved: Record<string, string> | null;
}

const fill = (text: string, root: string): string => text.replaceAll('{root}', root);

export function materialize(c: KubeconfigCase, root: string): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'home'), { recursive: true });
  for (const [path, file] of Object.entries(c.files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof file === 'string') writeFileSync(full, fill(file, root));
    else if ('dir' in file) mkdirSync(full, { recursive: true });
    else if ('symlink' in file) symlinkSync(fill(file.symlink, root), full);
    else {
      writeFileSync(full, fill(file.text, root));
      chmodSync(full, file.mode);
    }
  }
}

function caseEnv(c: KubeconfigCase, root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: join(root, 'home') };
  if (c.kubeconfig !== undefined) env.KUBECONFIG = fill(c.kubeconfig, root);
  return env;
}

const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');
const clean = (value: unknown): string => (typeof value === 'string' ? value.replace(/[\r\n]/g, '') : '');

/** The fields both readers decide, with kubectl's omitempty and its normalised base64. */
function projectCluster(cluster: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { server: cluster.server ?? '' };
  for (const key of ['tls-server-name', 'certificate-authority', 'proxy-url']) if (cluster[key]) out[key] = cluster[key];
  if (cluster['certificate-authority-data']) out['certificate-authority-data'] = clean(cluster['certificate-authority-data']);
  if (cluster['insecure-skip-tls-verify'] === true) out['insecure-skip-tls-verify'] = true;
  return out;
}

function projectUser(user: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['client-certificate', 'client-key', 'token', 'tokenFile', 'as', 'username', 'password']) if (user[key]) out[key] = user[key];
  for (const key of ['client-certificate-data', 'client-key-data']) if (user[key]) out[key] = clean(user[key]);
  const exec = user.exec as Record<string, unknown> | null | undefined;
  if (exec) out.exec = { command: exec.command ?? '', args: exec.args ?? null, env: exec.env ?? null, apiVersion: exec.apiVersion ?? '' };
  const provider = user['auth-provider'] as Record<string, unknown> | null | undefined;
  if (provider) out['auth-provider'] = { name: provider.name ?? '', config: provider.config ?? null };
  return out;
}

function projectContext(context: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { cluster: context.cluster ?? '', user: context.user ?? '' };
  if (context.namespace) out.namespace = context.namespace;
  return out;
}

interface ViewJson {
  clusters?: Array<{ name: string; cluster: Record<string, unknown> }> | null;
  users?: Array<{ name: string; user: Record<string, unknown> }> | null;
  contexts?: Array<{ name: string; context: Record<string, unknown> }> | null;
  'current-context'?: string;
}

function fromView(json: ViewJson): ConfigView {
  return {
    clusters: Object.fromEntries((json.clusters ?? []).map((c) => [c.name, projectCluster(c.cluster ?? {})])),
    users: Object.fromEntries((json.users ?? []).map((u) => [u.name, projectUser(u.user ?? {})])),
    contexts: Object.fromEntries((json.contexts ?? []).map((c) => [c.name, projectContext(c.context ?? {})])),
    currentContext: json['current-context'] ?? '',
  };
}

/** kubectl's answer: on a file it refuses, kubectl fails whole; the file is noted and the rest read again. */
export function viaKubectl(kubectl: string, c: KubeconfigCase, root: string): ReaderResult {
  materialize(c, root);
  const env = caseEnv(c, root);
  const cwd = join(root, c.cwd ?? '');
  const refused: string[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const run = spawnSync(kubectl, ['config', 'view', '--raw', '-o', 'json'], { env, cwd, encoding: 'utf8' });
    if (run.status === 0) {
      const view = fromView(JSON.parse(run.stdout) as ViewJson);
      const flat = spawnSync(kubectl, ['config', 'view', '--raw', '--flatten', '-o', 'json'], { env, cwd, encoding: 'utf8' });
      const resolved: Record<string, string> = {};
      if (flat.status === 0) {
        const json = JSON.parse(flat.stdout) as ViewJson;
        for (const cl of json.clusters ?? []) if (cl.cluster?.['certificate-authority-data']) resolved[`cluster/${cl.name}/ca`] = String(cl.cluster['certificate-authority-data']);
        for (const u of json.users ?? []) {
          if (u.user?.['client-certificate-data']) resolved[`user/${u.name}/cert`] = String(u.user['client-certificate-data']);
          if (u.user?.['client-key-data']) resolved[`user/${u.name}/key`] = String(u.user['client-key-data']);
        }
      }
      return { view, refused, resolved: flat.status === 0 ? resolved : null };
    }
    const file = /error loading config file "([^"]*)"/.exec(run.stderr)?.[1];
    if (file === undefined) throw new Error(`kubectl failed on case ${c.name} without naming a file: ${run.stderr}`);
    refused.push(isAbsolute(file) ? file : `${cwd}/${file}`);
    if (env.KUBECONFIG === undefined || env.KUBECONFIG === '') return { view: emptyView(), refused, resolved: {} };
    // Leave the refused file out, keeping the rest of the list as it was.
    env.KUBECONFIG = env.KUBECONFIG.split(':').filter((entry) => entry !== file).join(':') || ':';
  }
  throw new Error(`kubectl kept refusing files in case ${c.name}`);
}

const emptyView = (): ConfigView => ({ clusters: {}, users: {}, contexts: {}, currentContext: '' });

/** Portolan's answer, through the reader the app uses (kubeconfigPaths, KubeconfigStore). */
export async function viaPortolan(c: KubeconfigCase, root: string): Promise<ReaderResult> {
  materialize(c, root);
  const env = caseEnv(c, root);
  migrateLegacyKubeconfig(env.HOME);
  const cwd = join(root, c.cwd ?? '');
  const paths = kubeconfigPaths(env, env.HOME, ':', cwd);
  const store = new KubeconfigStore();
  await store.setPaths(paths);
  const merged = store.merged;
  store.close();
  const refused = merged.files.filter((f) => f.state === 'invalid').map((f) => f.path);
  return { view: viewOf(merged), refused, resolved: resolvedFiles(merged) };
}

function viewOf(merged: MergedKubeconfig): ConfigView {
  const by = <T>(map: Map<string, { value: T }>, project: (v: T) => Record<string, unknown>): Record<string, Record<string, unknown>> =>
    Object.fromEntries([...map].map(([name, entry]) => [name, project(entry.value)]));
  return {
    clusters: by(merged.clusters, (v) => projectCluster(v)),
    users: by(merged.users, (v) => projectUser(v)),
    contexts: by(merged.contexts, (v) => projectContext(v as Record<string, unknown>)),
    currentContext: merged.currentContext ?? '',
  };
}

function resolvedFiles(merged: MergedKubeconfig): Record<string, string> {
  const out: Record<string, string> = {};
  const read = (key: string, path: unknown, data: unknown): void => {
    if (typeof data === 'string' && data !== '') out[key] = clean(data);
    else if (typeof path === 'string' && path !== '' && existsSync(path)) out[key] = b64(readFileSync(path));
  };
  for (const [name, entry] of merged.clusters) {
    const cluster = resolvedCluster(entry);
    read(`cluster/${name}/ca`, cluster['certificate-authority'], cluster['certificate-authority-data']);
  }
  for (const [name, entry] of merged.users) {
    const user = resolvedUser(entry);
    read(`user/${name}/cert`, user['client-certificate'], user['client-certificate-data']);
    read(`user/${name}/key`, user['client-key'], user['client-key-data']);
  }
  return out;
}
