// Contexts and kubeconfig files as the renderer sees them: names, server URL and the *kind* of auth
// a context uses, never a credential.
import type { Explanation } from './explanations';

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
