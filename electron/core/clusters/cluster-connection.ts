// One context's connection: probes the API server (version and round-trip time), reports its state in
// words the user can act on, reconnects with backoff, follows the namespaces live (or falls back to
// the context's namespace when the user may not list them), and answers access reviews.
import type {
  AccessDecision, ConnectionState, ConnectionStatus, ContextSummary, NamespaceList, ServiceAccess, ServiceVerb,
} from '../../api/types';
import { Backoff } from '../watch/backoff';
import { NAMESPACES, type KubeObject } from '../watch/resource-ref';
import { ResourceWatch, type ResourceWatchOptions } from '../watch/resource-watch';
import { nextRevision } from '../revision';
import type { KubeClient } from './kube-client';
import { KubeRequestError, type KubeFailureKind } from './kube-errors';

export interface ClusterConnectionOptions {
  /** Health check period once connected. */
  healthIntervalMs?: number;
  /** Pause before trying again after 401/403 or a credential failure. */
  deniedRetryMs?: number;
  backoff?: Backoff;
  watch?: ResourceWatchOptions;
}

const SERVICE_VERBS: ServiceVerb[] = ['list', 'watch', 'create', 'update', 'delete'];

export class ClusterConnection {
  readonly context: ContextSummary;
  readonly client: KubeClient;
  private readonly options: Required<Omit<ClusterConnectionOptions, 'watch' | 'backoff'>> & { watch: ResourceWatchOptions };
  private readonly backoff: Backoff;
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private readonly namespaceListeners = new Set<(list: NamespaceList) => void>();
  private readonly extraNamespaces = new Set<string>();
  private current: ConnectionStatus;
  private namespaceWatch: ResourceWatch<KubeObject> | null = null;
  private controller: AbortController | null = null;
  private wake: (() => void) | null = null;

  constructor(context: ContextSummary, client: KubeClient, options: ClusterConnectionOptions = {}) {
    this.context = context;
    this.client = client;
    this.options = {
      healthIntervalMs: options.healthIntervalMs ?? 30_000,
      deniedRetryMs: options.deniedRetryMs ?? 60_000,
      watch: options.watch ?? {},
    };
    this.backoff = options.backoff ?? new Backoff(1000, 30_000);
    this.current = { context: context.name, revision: nextRevision(), state: 'idle', serverVersion: null, rttMs: null, identity: null, message: null, retryAt: null };
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onNamespaces(listener: (list: NamespaceList) => void): () => void {
    this.namespaceListeners.add(listener);
    return () => this.namespaceListeners.delete(listener);
  }

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    void this.run(this.controller.signal);
  }

  /** Try again now (the user pressed Retry, or the kubeconfig changed). */
  retryNow(): void {
    this.wake?.();
    this.namespaceWatch?.retryNow();
  }

  async close(): Promise<void> {
    this.controller?.abort();
    this.controller = null;
    this.wake?.();
    this.namespaceWatch?.stop();
    this.namespaceWatch = null;
    this.setStatus({ state: 'idle', message: null, retryAt: null });
    await this.client.close();
  }

  private setStatus(patch: Partial<ConnectionStatus>): void {
    const next = { ...this.current, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = { ...next, revision: nextRevision() };
    for (const listener of this.statusListeners) listener(this.current);
  }

  private async run(signal: AbortSignal): Promise<void> {
    this.setStatus({ state: 'connecting', message: null, retryAt: null });
    while (!signal.aborted) {
      let wait: number;
      try {
        const began = performance.now();
        const version = await this.client.json<{ gitVersion?: string }>('GET', '/version', { timeoutMs: 10_000, signal });
        const rttMs = Math.round(performance.now() - began);
        const identity = await this.whoAmI(signal);
        if (identity === 'system:anonymous' && this.context.authKind !== 'none') {
          throw new KubeRequestError('unauthorized', 'the server treats this user as anonymous', 401);
        }
        this.setStatus({ state: 'connected', serverVersion: version.gitVersion ?? null, rttMs, identity, message: null, retryAt: null });
        this.backoff.reset();
        this.startNamespaceWatch();
        wait = this.options.healthIntervalMs;
      } catch (error) {
        if (signal.aborted) break;
        const failure = error instanceof KubeRequestError ? error : new KubeRequestError('server-error', String(error), 0);
        const state = stateOf(failure.kind);
        wait = state === 'unauthorized' || state === 'forbidden' || state === 'auth-error' ? this.options.deniedRetryMs : this.backoff.next();
        this.setStatus({ state, message: this.explain(state, failure), retryAt: Date.now() + wait, rttMs: null, identity: null });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** The user name the server sees (SelfSubjectReview); null when the server cannot say. */
  private async whoAmI(signal: AbortSignal): Promise<string | null> {
    try {
      const review = await this.client.json<{ status?: { userInfo?: { username?: string } } }>(
        'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews',
        { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }, timeoutMs: 10_000, signal });
      return review.status?.userInfo?.username ?? null;
    } catch (error) {
      // Every authenticated user may review itself (system:basic-user), so a 403 means the server sees
      // an anonymous request; a 404 is a server too old to have the API.
      if (error instanceof KubeRequestError && error.kind === 'forbidden') return 'system:anonymous';
      if (error instanceof KubeRequestError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  private explain(state: ConnectionState, failure: KubeRequestError): string {
    const where = `${this.context.source}`;
    switch (state) {
      case 'unauthorized':
        return failure.status === 401 && failure.message.includes('anonymous')
          ? `The API server did not accept the ${this.context.authKind} credentials of user "${this.context.user}" and treats them as anonymous `
            + `(Kubernetes removed basic auth in 1.19). Use a token or a client certificate for this user in ${where}.`
          : `The API server rejected the credentials of user "${this.context.user}" (401 Unauthorized). `
            + `They may have expired: log in again, or fix the user in ${where}.`;
      case 'forbidden':
        return `The API server refused access (403 Forbidden): ${failure.message}`;
      case 'tls-error':
        return `${failure.message}. Check certificate-authority, tls-server-name or insecure-skip-tls-verify for cluster "${this.context.cluster}" in ${where}.`;
      case 'auth-error':
        return `${failure.message}. If this user runs an exec plugin (gke-gcloud-auth-plugin, aws, kubelogin, …), make sure it is installed and on your PATH.`;
      case 'unreachable':
        return `${failure.message}. Check the server URL, your network or VPN, and that the cluster is running.`;
      default:
        return failure.message;
    }
  }

  private startNamespaceWatch(): void {
    if (this.namespaceWatch) return;
    const watch = new ResourceWatch<KubeObject>(this.client, NAMESPACES, { deniedRetryMs: this.options.deniedRetryMs, ...this.options.watch });
    this.namespaceWatch = watch;
    const publish = (): void => {
      const list = this.namespaces();
      for (const listener of this.namespaceListeners) listener(list);
    };
    watch.onDelta(publish);
    watch.onState(publish);
    watch.start();
  }

  namespaces(): NamespaceList {
    const watch = this.namespaceWatch;
    const base = { context: this.context.name, revision: nextRevision() };
    if (watch?.state.phase === 'denied' && watch.state.error?.kind === 'forbidden') {
      const own = this.context.namespace ?? 'default';
      return {
        ...base,
        mode: 'fallback',
        namespaces: [...new Set([own, ...this.extraNamespaces])],
        message: `You may not list namespaces in this cluster, so Portolan shows the context's namespace "${own}". Type another namespace to add it.`,
      };
    }
    if (watch?.state.synced) {
      const names = [...watch.items.values()].map((n) => n.metadata.name).sort();
      return { ...base, mode: 'live', namespaces: names, message: null };
    }
    return { ...base, mode: 'unavailable', namespaces: [], message: null };
  }

  /** Namespaces the user typed, for clusters where listing them is forbidden. */
  addNamespaces(names: string[]): NamespaceList {
    for (const name of names) this.extraNamespaces.add(name);
    const list = this.namespaces();
    for (const listener of this.namespaceListeners) listener(list);
    return list;
  }

  /** SelfSubjectAccessReview for each verb on Services in `namespace` (null: all namespaces). */
  async serviceAccess(namespace: string | null): Promise<ServiceAccess> {
    const decisions = await Promise.all(SERVICE_VERBS.map(async (verb): Promise<[ServiceVerb, AccessDecision]> => {
      try {
        const review = await this.client.json<{ status?: { allowed?: boolean; reason?: string; evaluationError?: string } }>(
          'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
            body: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectAccessReview',
              spec: { resourceAttributes: { group: '', resource: 'services', verb, ...(namespace ? { namespace } : {}) } },
            },
          });
        const allowed = review.status?.allowed === true;
        const scope = namespace ? `in namespace "${namespace}"` : 'in all namespaces';
        return [verb, {
          allowed,
          reason: allowed ? null : review.status?.reason || `RBAC does not let user "${this.context.user}" ${verb} Services ${scope}.`,
        }];
      } catch (error) {
        return [verb, { allowed: false, reason: `The access check failed: ${(error as Error).message}` }];
      }
    }));
    return { context: this.context.name, namespace, verbs: Object.fromEntries(decisions) as Record<ServiceVerb, AccessDecision> };
  }
}

function stateOf(kind: KubeFailureKind): ConnectionState {
  switch (kind) {
    case 'unauthorized':
      return 'unauthorized';
    case 'forbidden':
      return 'forbidden';
    case 'tls-error':
      return 'tls-error';
    case 'auth-error':
      return 'auth-error';
    default:
      return 'unreachable';
  }
}
