// Which of a user entry's credentials are sent, by kubectl's rules (client-go's rest.Config and
// transport): a token (inline or from tokenFile) and basic auth cannot be combined; an exec plugin
// runs only when the user has no token, basic auth or client certificate, and never together with an
// auth-provider; a tokenFile's contents win over the inline token and are re-read as the file rotates.
// client-node does the sending; what it does not know (tokenFile, userinfo in the server URL) is
// added here. Nothing here leaves core.
import { readFile } from 'node:fs/promises';
import type { ExecConfig } from './exec-credentials';
import { heldCredentials, type RawUser } from './merge-kubeconfigs';
import { isRecord } from './parse-kubeconfig';
import { rememberSecret } from '../secrets/secret-redactor';

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

export interface CredentialPlan {
  /** The user as client-node should see it: only what kubectl would send, less what Portolan adds itself. */
  user: RawUser;
  /** The token file to read for every request (kubectl re-reads it), with the inline token as fallback. */
  tokenFile: { path: string; fallback: string | null } | null;
  /** The basic-auth header (client-node sends none for a password without a username; kubectl does). */
  basic: string | null;
  /** The exec plugin to run (by exec-credentials.ts, not client-node), when kubectl would run it. */
  exec: ExecConfig | null;
}

/** kubectl's own words for the auth providers it removed in 1.26 (client-node would still run them, through a shell). */
const REMOVED_PROVIDERS: Record<string, string> = {
  gcp: 'The gcp auth plugin has been removed. Please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.',
  azure: 'The azure auth plugin has been removed. Please use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.',
};

/** What kubectl does with this user's fields; throws the words kubectl uses for a combination it refuses. */
export function credentialPlan(user: RawUser): CredentialPlan {
  const { token: hasToken, basic: hasBasic, certificate: hasCert } = heldCredentials(user);
  if (hasToken && hasBasic) throw new Error('username/password or bearer token may be set, but not both');
  if (user.exec && user['auth-provider']) throw new Error('execProvider and authProvider cannot be used in combination');
  const provider = isRecord(user['auth-provider']) ? String(user['auth-provider'].name ?? '') : '';
  if (REMOVED_PROVIDERS[provider]) throw new Error(REMOVED_PROVIDERS[provider]);
  const plan: RawUser = { ...user };
  for (const key of ['tokenFile', 'username', 'password']) delete plan[key];
  // kubectl never runs the plugin when another credential is there (client-go exec.UpdateTransportConfig).
  const exec = isRecord(user.exec) && !(hasToken || hasBasic || hasCert) ? (user.exec as unknown as ExecConfig) : null;
  delete plan.exec;
  // An auth-provider's header yields to a token or basic auth already on the request.
  if (hasToken || hasBasic) delete plan['auth-provider'];
  const tokenFile = nonEmpty(user.tokenFile) ? { path: user.tokenFile, fallback: nonEmpty(user.token) ? user.token : null } : null;
  if (tokenFile) delete plan.token;
  const basic = hasBasic ? basicAuthorization(String(user.username ?? ''), String(user.password ?? '')) : null;
  return { user: plan, tokenFile, basic, exec };
}

const basicAuthorization = (username: string, password: string): string => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** The Authorization header Portolan sets over client-node's, as kubectl would send it. */
export class ExtraAuthorization {
  private readonly tokenFile: TokenFileSource | null;
  private readonly basic: string | null;
  private readonly userInfo: string | null;

  private readonly onClose: () => void;

  constructor(plan: Pick<CredentialPlan, 'tokenFile' | 'basic'>, server: string, onClose: () => void = () => undefined) {
    this.onClose = onClose;
    this.tokenFile = plan.tokenFile ? new TokenFileSource(plan.tokenFile.path, plan.tokenFile.fallback) : null;
    this.basic = plan.basic;
    this.userInfo = userInfoAuthorization(server);
  }

  /**
   * The header to send instead of client-node's, or null to leave its headers as they are. User info
   * in the server URL comes first: Go's HTTP client turns it into basic auth before client-go's
   * token or basic-auth layers run, and those leave an Authorization header already set alone.
   */
  async header(): Promise<string | null> {
    if (this.userInfo) return this.userInfo;
    if (this.tokenFile) return `Bearer ${await this.tokenFile.token()}`;
    return this.basic;
  }

  /** The connection closed: stop what runs for it (an exec plugin). */
  close(): void {
    this.onClose();
  }
}

/**
 * A token read from a file, as client-go's cached file token source reads it: trimmed, refused when
 * empty, kept for a minute (less 10 s), and the last good token kept when a later read fails.
 */
export class TokenFileSource {
  private cached: { token: string; until: number } | null = null;
  private readonly path: string;
  private readonly fallback: string | null;
  private readonly now: () => number;

  constructor(path: string, fallback: string | null, now: () => number = Date.now) {
    this.path = path;
    this.fallback = fallback;
    this.now = now;
  }

  async token(): Promise<string> {
    if (this.cached && this.cached.until > this.now()) return this.cached.token;
    try {
      const token = (await readFile(this.path, 'utf8')).trim();
      if (token === '') throw new Error(`read empty token from file "${this.path}"`);
      rememberSecret(token);
      this.cached = { token, until: this.now() + 50_000 };
      return token;
    } catch (error) {
      if (this.cached) return this.cached.token;
      if (this.fallback) return this.fallback;
      throw new Error(`cannot read the token file ${this.path}: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** The Authorization header a server URL with user:password@ implies (Go's HTTP client sends it when nothing else does). */
export function userInfoAuthorization(server: string): string | null {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return null;
  }
  if (!url.username && !url.password) return null;
  return basicAuthorization(decodeURIComponent(url.username), decodeURIComponent(url.password));
}
