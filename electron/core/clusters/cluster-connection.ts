// One context's connection: probes the API server (version and round-trip time), reports its state in
// words the user can act on, reconnects with backoff, follows the namespaces live (or falls back to
// the context's namespace when the user may not list them), and answers access reviews.
import { Emitter } from '../../api/emitter';
import type {
  AccessDecision, ConnectionState, ConnectionStatus, ContextSummary, Explanation, NamespaceList, ServicePermissions, ServiceVerb,
} from '../../api/types';
import { Backoff } from '../watch/backoff';
import { NAMESPACES, type KubeObject } from '../watch/resource-ref';
import { ResourceWatch, type ResourceWatchOptions } from '../watch/resource-watch';
import { nextRevision } from '../revision';
import type { KubeClient } from '../kube/kube-client';
import { ABORTED } from '../kube/abort-reason';
import { KubeRequestError, type KubeFailureKind } from '../kube/kube-errors';

export interface ClusterConnectionOptions {
  /**
   * Health check period once connected, and how long a check may take: a frozen API server shows as
   * unreachable within their sum (about 10 s by default), and the list marks that cluster stale then.
   */
  healthIntervalMs?: number;
  probeTimeoutMs?: number;
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
  private readonly statuses = new Emitter<[ConnectionStatus]>();
  private readonly namespaceLists = new Emitter<[NamespaceList]>();
  private readonly extraNamespaces = new Set<string>();
  private current: ConnectionStatus;
  private namespaceWatch: ResourceWatch<KubeObject> | null = null;
  private controller: AbortController | null = null;
  private wake: (() => void) | null = null;

  constructor(context: ContextSummary, client: KubeClient, options: ClusterConnectionOptions = {}) {
    this.context = context;
    this.client = client;
    this.options = {
      healthIntervalMs: options.healthIntervalMs ?? 5_000,
      probeTimeoutMs: options.probeTimeoutMs ?? 5_000,
      deniedRetryMs: options.deniedRetryMs ?? 60_000,
      watch: options.watch ?? {},
    };
    this.backoff = options.backoff ?? new Backoff(1000, 30_000);
    this.current = { context: context.name, revision: nextRevision(), state: 'idle', serverVersion: null, rttMs: null, identity: null, problem: null, retryAt: null };
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    return this.statuses.on(listener);
  }

  onNamespaces(listener: (list: NamespaceList) => void): () => void {
    return this.namespaceLists.on(listener);
  }

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    void this.run(this.controller.signal);
  }

  /** A stream of this context failed in a way the health check would see: check now, not in 30 s. */
  checkNow(): void {
    if (this.current.state === 'connected') this.wake?.();
  }

  /** Try again now (the user pressed Retry, or the kubeconfig changed). */
  retryNow(): void {
    this.wake?.();
    this.namespaceWatch?.retryNow();
  }

  async close(): Promise<void> {
    this.controller?.abort(ABORTED);
    this.controller = null;
    this.wake?.();
    this.namespaceWatch?.stop();
    this.namespaceWatch = null;
    this.setStatus({ state: 'idle', problem: null, retryAt: null });
    await this.client.close();
  }

  private setStatus(patch: Partial<ConnectionStatus>): void {
    const next = { ...this.current, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = { ...next, revision: nextRevision() };
    this.statuses.emit(this.current);
  }

  private async run(signal: AbortSignal): Promise<void> {
    this.setStatus({ state: 'connecting', problem: null, retryAt: null });
    while (!signal.aborted) {
      let wait: number;
      try {
        const began = performance.now();
        const version = await this.client.json<{ gitVersion?: string }>('GET', '/version', { timeoutMs: this.options.probeTimeoutMs, signal });
        const rttMs = Math.round(performance.now() - began);
        // Who the server takes the user for is asked once per connection, not at every check.
        const identity = this.current.state === 'connected' && this.current.identity ? this.current.identity : await this.whoAmI(signal);
        if (identity === 'system:anonymous' && this.context.authKind !== 'none') {
          throw new KubeRequestError('unauthorized', 'the server treats this user as anonymous', 401);
        }
        this.setStatus({ state: 'connected', serverVersion: version.gitVersion ?? null, rttMs, identity, problem: null, retryAt: null });
        this.backoff.reset();
        this.startNamespaceWatch();
        wait = this.options.healthIntervalMs;
      } catch (error) {
        if (signal.aborted) break;
        const failure = error instanceof KubeRequestError ? error : new KubeRequestError('server-error', String(error), 0);
        const state = stateOf(failure.kind);
        wait = state === 'unauthorized' || state === 'forbidden' || state === 'auth-error' ? this.options.deniedRetryMs : this.backoff.next();
        this.setStatus({ state, problem: this.explain(state, failure), retryAt: Date.now() + wait, rttMs: null, identity: null });
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

  /** What went wrong and what to do about it (the words are the renderer's: see Explanation). */
  private explain(state: ConnectionState, failure: KubeRequestError): Explanation {
    const { user, authKind, cluster, source } = this.context;
    const detail = failure.message;
    switch (state) {
      case 'unauthorized':
        return failure.status === 401 && detail.includes('anonymous')
          ? { code: 'connection.anonymous', params: { user, authKind, source } }
          : { code: 'connection.unauthorized', params: { user, source } };
      case 'forbidden':
        return { code: 'connection.forbidden', params: { detail } };
      case 'tls-error':
        return { code: 'connection.tls', params: { detail, cluster, source } };
      case 'auth-error':
        return failure.plugin
          ? { code: 'connection.untrustedPlugin', params: { file: failure.plugin.file, command: failure.plugin.command } }
          : { code: 'connection.auth', params: { detail } };
      case 'unreachable':
        return { code: 'connection.unreachable', params: { detail } };
      default:
        return { code: 'connection.failed', params: { detail } };
    }
  }

  private startNamespaceWatch(): void {
    if (this.namespaceWatch) return;
    const watch = new ResourceWatch<KubeObject>(this.client, NAMESPACES, { deniedRetryMs: this.options.deniedRetryMs, ...this.options.watch });
    this.namespaceWatch = watch;
    const publish = (): void => {
      const list = this.namespaces();
      this.namespaceLists.emit(list);
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
        note: { code: 'namespaces.fallback', params: { namespace: own } },
      };
    }
    if (watch?.state.synced) {
      const names = [...watch.items.values()].map((n) => n.metadata.name).sort();
      return { ...base, mode: 'live', namespaces: names, note: null };
    }
    return { ...base, mode: 'unavailable', namespaces: [], note: null };
  }

  /** Namespaces the user typed, for clusters where listing them is forbidden. */
  addNamespaces(names: string[]): NamespaceList {
    for (const name of names) this.extraNamespaces.add(name);
    const list = this.namespaces();
    this.namespaceLists.emit(list);
    return list;
  }

  /** SelfSubjectAccessReview for each verb on Services in `namespace` (null: all namespaces). */
  async servicePermissions(namespace: string | null): Promise<ServicePermissions> {
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
    case 'untrusted-plugin':
      return 'auth-error';
    default:
      return 'unreachable';
  }
}
