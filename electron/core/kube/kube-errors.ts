// Failures talking to an API server, sorted into what the user can act on.

export type KubeFailureKind =
  | 'unauthorized' // 401: credentials rejected or expired
  | 'forbidden' // 403: authenticated, but RBAC says no
  | 'not-found'
  | 'conflict' // 409
  | 'gone' // 410: resourceVersion too old (watch) or continue token expired (list)
  | 'invalid' // 422
  | 'too-many-requests'
  | 'server-error'
  | 'unreachable' // no TCP connection, DNS failure, timeout
  | 'tls-error' // certificate not trusted, wrong host name, …
  | 'auth-error' // the credentials could not even be produced (exec plugin missing or failing)
  | 'untrusted-plugin' // an exec plugin of a file added in the app, not allowed to run yet
  | 'aborted';

/** The `Status` object the API server sends with errors (only the fields Portolan reads). */
export interface KubeStatus {
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; kind?: string; causes?: Array<{ reason?: string; message?: string; field?: string }> };
}

const BY_STATUS: Record<number, KubeFailureKind> = {
  401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 410: 'gone', 422: 'invalid', 429: 'too-many-requests',
};

export class KubeRequestError extends Error {
  readonly kind: KubeFailureKind;
  readonly status: number;
  readonly details: KubeStatus | null;
  /** For 'untrusted-plugin': which file asks to run which command. */
  readonly plugin: { file: string; command: string } | null;

  constructor(kind: KubeFailureKind, message: string, status: number, details: KubeStatus | null = null, plugin: { file: string; command: string } | null = null) {
    super(message);
    this.name = 'KubeRequestError';
    this.kind = kind;
    this.status = status;
    this.details = details;
    this.plugin = plugin;
  }

  static fromResponse(status: number, text: string, method: string, path: string): KubeRequestError {
    let details: KubeStatus | null = null;
    try {
      details = JSON.parse(text) as KubeStatus;
    } catch {
      /* not a Status object */
    }
    const kind = BY_STATUS[status] ?? (status >= 500 ? 'server-error' : 'invalid');
    const message = details?.message ?? (text.trim().slice(0, 300) || `HTTP ${status}`);
    return new KubeRequestError(kind, `${method} ${path}: ${message}`, status, details);
  }
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_NOT_YET_VALID', 'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO', 'CERT_SIGNATURE_FAILURE', 'ERR_TLS_HANDSHAKE_TIMEOUT',
]);

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed',
};

/** A fetch failure (no HTTP answer) as unreachable or TLS error, with the reason in words. */
export function classifyFailure(error: unknown, server: string): KubeRequestError {
  let cause: unknown = error;
  while (cause instanceof Error && (cause as { cause?: unknown }).cause && !(cause as NodeJS.ErrnoException).code) {
    cause = (cause as { cause?: unknown }).cause;
  }
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
  // Node suggests a command-line flag for untrusted certificates; that is no advice for app users.
  const detail = (cause instanceof Error ? cause.message : String(cause)).replace(/; if the root CA is installed locally.*$/, '');
  if (TLS_CODES.has(code) || /certificate|SSL|TLS/i.test(detail)) {
    return new KubeRequestError('tls-error', `TLS to ${server} failed: ${detail}`, 0);
  }
  const words = NETWORK_WORDS[code];
  return new KubeRequestError('unreachable', `${server} is unreachable: ${words ? `${words} (${code})` : detail}`, 0);
}
