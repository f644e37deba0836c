// Data that crosses the boundary between core and the renderer. Nothing here may carry a credential:
// a context is described by names, server URL and the *kind* of auth it uses, never the secret itself.

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
  problem: string | null;
}

export type KubeconfigFileState = 'ok' | 'missing' | 'invalid';

/** Where the app got a kubeconfig file from: KUBECONFIG, the ~/.kube/config default, or the user. */
export type KubeconfigFileOrigin = 'env' | 'default' | 'added';

export interface KubeconfigFileStatus {
  path: string;
  origin: KubeconfigFileOrigin;
  state: KubeconfigFileState;
  /** What is wrong with the file and what to do, when state is not ok. */
  message: string | null;
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
  /** What went wrong and what to do, in words; null when connected. */
  message: string | null;
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
  message: string | null;
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
