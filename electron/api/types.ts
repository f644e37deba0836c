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

export interface KubeconfigFileStatus {
  path: string;
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

export type ApiErrorCode = 'unknown-method' | 'invalid-input' | 'internal' | 'transport';

/** An error as it crosses the boundary: a code the UI can branch on and a message it can show. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
