// One context's connection, its namespaces and what the user may do with Services there (RBAC).
import type { Explanation } from './explanations';

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
export interface ServicePermissions {
  context: string;
  namespace: string | null;
  verbs: Record<ServiceVerb, AccessDecision>;
}
