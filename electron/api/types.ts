// Data that crosses the boundary between core and the renderer. Nothing here may carry a credential:
// a context is described by names, server URL and the *kind* of auth it uses, never the secret itself.

/**
 * A problem told to the user: `code` names the sentence, which the renderer says in the user's
 * language (renderer/src/i18n, key `explain.<code>`), filled with `params`: names, paths and the
 * server's or the system's own words, which stay as they are.
 */
export interface Explanation {
  code: ExplanationCode;
  params: Record<string, string>;
}

export type ExplanationCode =
  | 'context.noCluster' | 'context.unknownCluster' | 'context.noServer' | 'context.unknownUser' | 'context.unusable'
  | 'file.missingDefault' | 'file.missingEnv' | 'file.missingAdded' | 'file.notAFile' | 'file.unreadable'
  | 'file.notYaml' | 'file.notKubeconfig' | 'file.notYamlKept' | 'file.notKubeconfigKept'
  | 'file.wrongType' | 'file.badBase64' | 'file.duplicateName' | 'file.wrongKind' | 'file.tooLarge'
  | 'connection.anonymous' | 'connection.unauthorized' | 'connection.forbidden' | 'connection.tls'
  | 'connection.auth' | 'connection.unreachable' | 'connection.failed' | 'connection.untrustedPlugin'
  | 'namespaces.fallback'
  | 'manifest.notYaml' | 'manifest.notService' | 'manifest.nameChanged' | 'manifest.namespaceChanged' | 'manifest.namespaceMismatch'
  | 'server.said';

export type AuthKind = 'token' | 'client-certificate' | 'basic' | 'exec' | 'oidc' | 'auth-provider' | 'none';

export interface ContextSummary {
  /** The context's name, unique across the merged kubeconfig. */
  name: string;
  /** Name of the cluster entry the context points at. */
  cluster: string;
  /** The cluster's API server URL, or null when the cluster entry is missing. */
  server: string | null;
  /** Name of the user entry the context points at. */
  user: string;
  /** The context's default namespace, if it sets one. */
  namespace: string | null;
  authKind: AuthKind;
  /** The kubeconfig file this context was read from. */
  source: string;
  /** True for the merged kubeconfig's current-context. */
  current: boolean;
  /** Why the context cannot be used as written, in words the user can act on; null when it can. */
  problem: Explanation | null;
}

export type KubeconfigFileState = 'ok' | 'missing' | 'invalid';

/** Where the app got a kubeconfig file from: KUBECONFIG, the ~/.kube/config default, or the user. */
export type KubeconfigFileOrigin = 'env' | 'default' | 'added';

export interface KubeconfigFileStatus {
  path: string;
  origin: KubeconfigFileOrigin;
  state: KubeconfigFileState;
  /** What is wrong with the file and what to do, when state is not ok. */
  problem: Explanation | null;
}

export interface ContextList {
  contexts: ContextSummary[];
  files: KubeconfigFileStatus[];
  currentContext: string | null;
}

export type Transport = 'electron' | 'browser';

export interface VersionInfo {
  app: string;
  node: string;
  electron: string | null;
  platform: string;
  transport: Transport;
}

export type ApiErrorCode = 'unknown-method' | 'invalid-input' | 'not-connected' | 'not-found' | 'internal' | 'transport';

/** An error as it crosses the boundary: a code the UI can branch on and a message it can show. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type ConnectionState =
  | 'idle'
  | 'connecting'
  | 'connected'
  | 'unauthorized'
  | 'forbidden'
  | 'unreachable'
  | 'tls-error'
  | 'auth-error'
  | 'config-error';

/** One context's connection, as the sidebar shows it. */
export interface ConnectionStatus {
  context: string;
  /** Grows with every change: of two statuses for a context, the higher revision is the newer. */
  revision: number;
  state: ConnectionState;
  /** e.g. v1.37.2, once connected. */
  serverVersion: string | null;
  /** Round-trip time of the last health check. */
  rttMs: number | null;
  /** Who the server says the user is (SelfSubjectReview), once connected. */
  identity: string | null;
  /** What went wrong and what to do; null when connected. */
  problem: Explanation | null;
  /** When the next automatic attempt starts (epoch ms), if one is planned. */
  retryAt: number | null;
}

export type NamespaceMode = 'live' | 'fallback' | 'unavailable';

export interface NamespaceList {
  context: string;
  /** Grows with every change: of two lists for a context, the higher revision is the newer. */
  revision: number;
  /** live: watched from the cluster; fallback: the user may not list namespaces, so the context's own
   *  namespace plus those the user typed; unavailable: not connected. */
  mode: NamespaceMode;
  namespaces: string[];
  /** Said with the list, e.g. why it is the fallback. */
  note: Explanation | null;
}

export type ServiceVerb = 'list' | 'watch' | 'create' | 'update' | 'delete';

export interface AccessDecision {
  allowed: boolean;
  /** Why not, when the server says (RBAC's reason), or how the check failed. */
  reason: string | null;
}

/** What the user may do with Services in one namespace (null: all namespaces) of one context. */
export interface ServiceAccess {
  context: string;
  namespace: string | null;
  verbs: Record<ServiceVerb, AccessDecision>;
}

export type SidebarGrouping = 'file' | 'server';

/** The sidebar's state, remembered across restarts. */
export interface UiState {
  pinned: string[];
  /** Contexts shown side by side. */
  selected: string[];
  /** Chosen namespaces per context; an empty list means all namespaces. */
  namespaces: Record<string, string[]>;
  groupBy: SidebarGrouping;
}

/** The seed's words: Virtual IP, Headless (Selector), Headless (ExternalName); `headless` has neither. */
export type ServiceKind = 'virtual-ip' | 'headless-selector' | 'headless-external-name' | 'headless';
export type ServiceAccessType = 'none' | 'node-port' | 'load-balancer';

export interface ServicePortRow {
  name: string | null;
  protocol: string;
  port: number;
  nodePort: number | null;
  /** A number or a named container port, as text. */
  targetPort: string;
}

/** What the Service list shows of one Service: a slim row, not the whole object. */
export interface ServiceRow {
  uid: string;
  context: string;
  namespace: string;
  name: string;
  resourceVersion: string;
  /** kubesphere.io/alias-name */
  alias: string | null;
  /** kubesphere.io/description */
  description: string | null;
  kind: ServiceKind;
  access: ServiceAccessType;
  clusterIP: string | null;
  /** Load-balancer ingress addresses and spec.externalIPs. */
  externalAddresses: string[];
  externalName: string | null;
  /** A LoadBalancer Service whose external address has not been assigned. */
  loadBalancerPending: boolean;
  ports: ServicePortRow[];
  selector: Record<string, string>;
  labels: Record<string, string>;
  createdAt: string | null;
  /** Ready and total endpoints from the Service's EndpointSlices; null where a Service has none by design. */
  endpoints: { ready: number; total: number } | null;
}

export type WatchPhase = 'listing' | 'watching' | 'backoff' | 'denied' | 'stopped';

/** The state of one subscription's stream(s), for status lines and stale markers. */
export interface WatchStatus {
  clientId: string;
  subscriptionId: string;
  context: string;
  namespace: string | null;
  phase: WatchPhase;
  /** The first list completed. */
  synced: boolean;
  /** Rows may be out of date: the stream is down after it had synced. */
  stale: boolean;
  error: { kind: string; message: string } | null;
  retryAt: number | null;
}

/** Changes to one subscription's rows since the last batch (at most one batch per ~50 ms). */
export interface ServiceRowsBatch {
  clientId: string;
  subscriptionId: string;
  context: string;
  namespace: string | null;
  upserted: ServiceRow[];
  /** uids of rows that are gone. */
  deleted: string[];
}

export interface Subscription {
  subscriptionId: string;
}

export interface ServiceTarget {
  context: string;
  namespace: string;
  name: string;
}

export interface ServiceActionResult extends ServiceTarget {
  ok: boolean;
  /** What went wrong, in the server's words, when not ok. */
  message: string | null;
}

export interface EndpointRow {
  address: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** The Pod behind the address, when the slice names one. */
  pod: string | null;
  node: string | null;
  /** The Pod's phase and readiness as the Pod reports them. */
  podPhase: string | null;
  podReady: boolean | null;
}

export interface EventRow {
  uid: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  lastSeen: string | null;
}

/** A Service as the detail view shows it: the object itself (without managedFields), its endpoints
 *  with the pods behind them, and its events. */
export interface ServiceDetail {
  clientId: string;
  subscriptionId: string;
  context: string;
  namespace: string;
  name: string;
  /** null while loading, or once the Service is deleted. */
  service: Record<string, unknown> | null;
  row: ServiceRow | null;
  endpoints: EndpointRow[];
  events: EventRow[];
  /** Node addresses (ExternalIP first, then InternalIP), for opening a NodePort; empty if nodes may not be read. */
  nodeAddresses: string[];
  /** Where the Service can be opened from outside (http URLs core built from its status and ports). */
  addresses: string[];
  synced: boolean;
}

export interface FieldProblem {
  /** e.g. .spec.ports[0].nodePort, as the server names it. */
  field: string | null;
  message: string;
}

/** What a server-side apply did: applied, or why not (field-manager conflicts, invalid fields, other). */
export type ApplyResult =
  | { ok: true; resourceVersion: string }
  | { ok: false; reason: 'conflict' | 'invalid' | 'forbidden' | 'error'; explanation: Explanation; problems: FieldProblem[] };

export interface WorkloadPort {
  name: string | null;
  containerPort: number;
  protocol: string;
}

/** A Deployment, StatefulSet or DaemonSet, as the wizard's "Specify workload" picker offers it. */
export interface WorkloadSummary {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  name: string;
  /** The pod template's labels: what a selector for this workload uses. */
  podLabels: Record<string, string>;
  ports: WorkloadPort[];
}

/** The pods a selector matches right now (first 50 by name). */
export interface PodMatch {
  count: number;
  pods: Array<{ name: string; ready: boolean; phase: string }>;
}

export type CreateResult =
  | { ok: true; object: Record<string, unknown> }
  | { ok: false; reason: 'exists' | 'invalid' | 'forbidden' | 'error'; explanation: Explanation; problems: FieldProblem[] };

/** A saved draft: a Service manifest plus where the wizard meant to create it. */
export interface DraftSummary {
  id: string;
  /** metadata.name of the manifest, if it has one. */
  name: string;
  context: string | null;
  namespace: string | null;
  savedAt: string;
}
