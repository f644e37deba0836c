// Merges parsed kubeconfig files with kubectl's rules: for each named cluster, user and context the
// first file that defines it wins; current-context comes from the first file that sets one. Pure:
// no disk access, so every rule is unit-tested.
import type { AuthKind, ContextList, ContextSummary, Explanation, KubeconfigFileStatus } from '../../api/types';

import { isRecord, type KubeconfigDoc } from './parse-kubeconfig';

/**
 * One file as the store holds it: its status, and the document to merge. A file that turned invalid
 * keeps the document it last parsed to, so a half-written file does not drop contexts.
 */
export interface KubeconfigFile {
  status: KubeconfigFileStatus;
  doc: KubeconfigDoc | null;
}

export interface NamedEntry<T> {
  name: string;
  value: T;
  /** The file the entry was read from: relative paths inside it resolve against its folder. */
  source: string;
}

export type RawCluster = Record<string, unknown>;
export type RawUser = Record<string, unknown>;
export interface RawContext {
  cluster?: unknown;
  user?: unknown;
  namespace?: unknown;
}

export interface MergedKubeconfig {
  clusters: Map<string, NamedEntry<RawCluster>>;
  users: Map<string, NamedEntry<RawUser>>;
  contexts: Map<string, NamedEntry<RawContext>>;
  currentContext: string | null;
  files: KubeconfigFileStatus[];
}

/** A list of a document kubeconfigProblem accepted; as in kubectl, a null item or name is the empty name. */
function namedList(doc: Record<string, unknown>, key: string, inner: string): Array<{ name: string; value: Record<string, unknown> }> {
  const list = doc[key];
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    const entry = isRecord(item) ? item : {};
    return { name: typeof entry.name === 'string' ? entry.name : '', value: isRecord(entry[inner]) ? entry[inner] : {} };
  });
}

export function mergeKubeconfigs(files: KubeconfigFile[]): MergedKubeconfig {
  const merged: MergedKubeconfig = { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: null, files: [] };
  for (const { status, doc } of files) {
    merged.files.push(status);
    if (!doc) continue;
    const add = <T>(map: Map<string, NamedEntry<T>>, entries: Array<{ name: string; value: Record<string, unknown> }>): void => {
      for (const { name, value } of entries) if (!map.has(name)) map.set(name, { name, value: value as T, source: status.path });
    };
    add(merged.clusters, namedList(doc, 'clusters', 'cluster'));
    add(merged.users, namedList(doc, 'users', 'user'));
    add(merged.contexts, namedList(doc, 'contexts', 'context'));
    const current = doc['current-context'];
    if (merged.currentContext === null && typeof current === 'string' && current !== '') merged.currentContext = current;
  }
  return merged;
}

/** Which credentials a user entry holds, as client-go tells them apart (a field set and not empty). */
export function heldCredentials(user: RawUser): { token: boolean; basic: boolean; certificate: boolean } {
  const set = (key: string): boolean => typeof user[key] === 'string' && user[key] !== '';
  return {
    token: set('token') || set('tokenFile'),
    basic: set('username') || set('password'),
    certificate: set('client-certificate') || set('client-certificate-data'),
  };
}

/** The credential kubectl sends for this user (see user-credentials.ts for the precedence). */
export function authKindOf(user: RawUser | undefined): AuthKind {
  if (!user) return 'none';
  const held = heldCredentials(user);
  if (held.token) return 'token';
  if (held.basic) return 'basic';
  if (isRecord(user['auth-provider'])) return user['auth-provider'].name === 'oidc' ? 'oidc' : 'auth-provider';
  if (held.certificate) return 'client-certificate';
  if (isRecord(user.exec)) return 'exec';
  return 'none';
}

/** A server URL may embed user:password; the renderer must never see it. */
export function withoutUserInfo(server: string): string {
  try {
    const url = new URL(server);
    if (!url.username && !url.password) return server;
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, server.endsWith('/') ? '/' : '');
  } catch {
    return server.replace(/\/\/[^/@]*@/, '//');
  }
}

function describeContext(merged: MergedKubeconfig, entry: NamedEntry<RawContext>): ContextSummary {
  const clusterName = typeof entry.value.cluster === 'string' ? entry.value.cluster : '';
  const userName = typeof entry.value.user === 'string' ? entry.value.user : '';
  const cluster = merged.clusters.get(clusterName);
  const user = merged.users.get(userName);
  const server = cluster && typeof cluster.value.server === 'string' && cluster.value.server !== '' ? withoutUserInfo(cluster.value.server) : null;
  const named = { context: entry.name, source: entry.source };
  let problem: Explanation | null = null;
  if (!clusterName) problem = { code: 'context.noCluster', params: named };
  else if (!cluster) problem = { code: 'context.unknownCluster', params: { ...named, cluster: clusterName } };
  else if (!server) problem = { code: 'context.noServer', params: { cluster: clusterName, source: cluster.source } };
  else if (userName && !user) problem = { code: 'context.unknownUser', params: { ...named, user: userName } };
  return {
    name: entry.name,
    cluster: clusterName,
    server,
    user: userName,
    namespace: typeof entry.value.namespace === 'string' && entry.value.namespace !== '' ? entry.value.namespace : null,
    authKind: authKindOf(user?.value),
    source: entry.source,
    current: entry.name === merged.currentContext,
    problem,
  };
}

export function toContextList(merged: MergedKubeconfig): ContextList {
  return {
    contexts: [...merged.contexts.values()].map((entry) => describeContext(merged, entry)),
    files: merged.files,
    currentContext: merged.currentContext,
  };
}
