// One context of the merged kubeconfig as a client-node KubeConfig holding only that context, with
// relative file paths resolved against the file each entry came from and the credentials kubectl
// would send (user-credentials.ts): what client-node cannot send itself travels beside it.
import { KubeConfig } from '@kubernetes/client-node';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { withoutUserInfo, type MergedKubeconfig, type NamedEntry, type RawCluster, type RawUser } from './merge-kubeconfigs';
import { isRecord } from './parse-kubeconfig';
import { EXEC_TIMEOUT_MS, ExecCredentialAuthenticator } from './exec-credentials';
import { credentialPlan, ExtraAuthorization } from './user-credentials';

export interface ContextClientConfig {
  kubeConfig: KubeConfig;
  extraAuthorization: ExtraAuthorization;
  /** False when the cluster entry says `disable-compression: true` (client-node drops that field). */
  compression: boolean;
}

function absolute(value: unknown, base: string): unknown {
  return typeof value === 'string' && value !== '' && !isAbsolute(value) ? resolve(base, value) : value;
}

/** A cluster entry with certificate-authority resolved against its file's folder, as kubectl does. */
export function resolvedCluster(entry: NamedEntry<RawCluster>): RawCluster {
  const copy: RawCluster = { ...entry.value };
  if ('certificate-authority' in copy) copy['certificate-authority'] = absolute(copy['certificate-authority'], dirname(entry.source));
  return copy;
}

/**
 * A user entry with client-certificate, client-key and tokenFile resolved against its file's folder,
 * and an exec command too when it names a path: only this system's separator makes it one (kubectl
 * looks `bin\tool` up on PATH on Linux and macOS).
 */
export function resolvedUser(entry: NamedEntry<RawUser>, separator: string = sep): RawUser {
  const base = dirname(entry.source);
  const copy: RawUser = { ...entry.value };
  for (const key of ['client-certificate', 'client-key', 'tokenFile']) if (key in copy) copy[key] = absolute(copy[key], base);
  const exec = copy.exec;
  if (isRecord(exec) && typeof exec.command === 'string' && exec.command.includes(separator)) {
    copy.exec = { ...exec, command: absolute(exec.command, base) };
  }
  return copy;
}

/** Whether the user allowed `command` from the kubeconfig file `file` (added in the app) to run. */
export type PluginTrust = (file: string, command: string) => boolean;

/**
 * `trust` decides for exec plugins of files added in the app; those of KUBECONFIG and ~/.kube/config
 * run as kubectl would run them.
 */
export function contextClientConfig(merged: MergedKubeconfig, contextName: string, trust: PluginTrust = () => true): ContextClientConfig {
  const context = merged.contexts.get(contextName);
  if (!context) throw new Error(`no context named "${contextName}" in the kubeconfig`);
  const clusterName = String(context.value.cluster ?? '');
  const userName = String(context.value.user ?? '');
  const cluster = merged.clusters.get(clusterName);
  if (!cluster) throw new Error(`context "${contextName}" points at cluster "${clusterName}", which no kubeconfig file defines`);
  const user = userName ? merged.users.get(userName) : undefined;
  if (userName && !user) throw new Error(`context "${contextName}" points at user "${userName}", which no kubeconfig file defines`);
  const clusterValue = resolvedCluster(cluster);
  const server = typeof clusterValue.server === 'string' ? clusterValue.server : '';
  const plainHttp = /^http:/i.test(server);
  // Over plain http kubectl sends no credentials at all (and runs no exec plugin): neither does Portolan.
  const plan = credentialPlan(user && !plainHttp ? resolvedUser(user) : {});
  // undici refuses URLs with user:password@ (the header they imply is added by ExtraAuthorization), and
  // client-node refuses http:// unless told to skip a TLS check that plain HTTP does not have.
  const forClientNode: RawCluster = { ...clusterValue, server: withoutUserInfo(server) };
  if (plainHttp) forClientNode['insecure-skip-tls-verify'] = true;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: clusterName, cluster: forClientNode }],
    users: [{ name: userName || 'anonymous', user: plan.user }],
    contexts: [{ name: contextName, context: { ...context.value, user: userName || 'anonymous' } }],
    'current-context': contextName,
  }));
  let exec: ExecCredentialAuthenticator | null = null;
  if (plan.exec && user) {
    const added = merged.files.some((f) => f.path === user.source && f.origin === 'added');
    const source = user.source;
    exec = new ExecCredentialAuthenticator(plan.exec, userName, source, EXEC_TIMEOUT_MS, added ? (command) => trust(source, command) : null);
    kubeConfig.addAuthenticator(exec);
  }
  return {
    kubeConfig,
    extraAuthorization: new ExtraAuthorization(plan, server, () => exec?.close()),
    compression: clusterValue['disable-compression'] !== true,
  };
}
