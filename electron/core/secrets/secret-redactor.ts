// The last line of defence for "credentials never reach the renderer": every answer, error and event
// core hands to a transport passes through redact(), which knows every secret of the merged
// kubeconfig (tokens, passwords, keys, auth-provider values, exec env values, user info in server
// URLs) and those learned at run time (token file contents, exec plugin tokens), and replaces any
// that shows up. Each leak is still fixed where it starts; this catches the ones nobody saw.
import type { MergedKubeconfig } from '../kubeconfig/merge-kubeconfigs';
import { isRecord } from '../kubeconfig/parse-kubeconfig';

export const REDACTED = '[redacted]';
/** Shorter values are not looked for: "admin" would be cut out of every name that contains it. */
export const MIN_SECRET_LENGTH = 8;

/** Secrets learned while running (a token file's contents, a token an exec plugin printed). */
const learned = new Set<string>();

export function rememberSecret(value: string | null | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) learned.add(value);
}

/** Every credential value of the merged kubeconfig. */
export function kubeconfigSecrets(merged: MergedKubeconfig): string[] {
  const found: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) found.push(value);
  };
  for (const { value: user } of merged.users.values()) {
    for (const key of ['token', 'password', 'client-key-data']) add(user[key]);
    const provider = user['auth-provider'];
    if (isRecord(provider) && isRecord(provider.config)) for (const value of Object.values(provider.config)) add(value);
    const exec = user.exec;
    if (isRecord(exec) && Array.isArray(exec.env)) for (const variable of exec.env) if (isRecord(variable)) add(variable.value);
    if (typeof user['client-key-data'] === 'string') {
      // The key as PEM text, as an error quoting the decoded key would show it.
      const pem = Buffer.from(user['client-key-data'], 'base64').toString('utf8');
      for (const line of pem.split('\n')) if (!line.startsWith('-----')) add(line.trim());
    }
  }
  for (const { value: cluster } of merged.clusters.values()) {
    if (typeof cluster.server !== 'string') continue;
    try {
      const url = new URL(cluster.server);
      for (const part of [url.password, url.username]) {
        add(part);
        add(decodeURIComponent(part));
      }
    } catch {
      // not a URL: nothing embedded to find
    }
  }
  return found;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class SecretRedactor {
  private kubeconfig: string[] = [];
  private pattern: RegExp | null = null;
  private jsonPattern: RegExp | null = null;
  private learnedSize = -1;

  setKubeconfig(merged: MergedKubeconfig): void {
    this.kubeconfig = kubeconfigSecrets(merged);
    this.learnedSize = -1;
  }

  /** `value` with every known secret replaced; the same object when none is in it (the usual case). */
  redact<T>(value: T): T {
    this.refresh();
    if (!this.pattern || !this.jsonPattern || value === null || value === undefined) return value;
    if (typeof value === 'string') return value.replace(this.pattern, REDACTED) as T;
    if (typeof value !== 'object') return value;
    // One pass over the JSON text finds out whether a walk is needed at all.
    if (!this.jsonPattern.test(JSON.stringify(value))) return value;
    return this.walk(value) as T;
  }

  /**
   * `value` redacted and, when the check built it, its JSON text, for a transport that sends text:
   * the text the check builds anyway is the one sent, so a clean payload is serialized once, not
   * twice. With no secrets to look for, nothing is serialized here (json is null).
   */
  redactToJson(value: object): { value: object; json: string | null } {
    this.refresh();
    if (!this.pattern || !this.jsonPattern) return { value, json: null };
    const json = JSON.stringify(value);
    if (!this.jsonPattern.test(json)) return { value, json };
    const clean = this.walk(value) as object;
    return { value: clean, json: JSON.stringify(clean) };
  }

  /** An error's message redacted, its type and code kept. */
  redactError(error: unknown): unknown {
    if (!(error instanceof Error)) return this.redact(error);
    const message = this.redact(error.message);
    if (message === error.message) return error;
    error.message = message;
    return error;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return value.replace(this.pattern!, REDACTED);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.walk(k) as string, this.walk(v)]));
    return value;
  }

  private refresh(): void {
    if (this.learnedSize === learned.size) return;
    this.learnedSize = learned.size;
    // Longest first, so a secret that contains another is cut whole.
    const secrets = [...new Set([...this.kubeconfig, ...learned])].sort((a, b) => b.length - a.length);
    if (secrets.length === 0) {
      this.pattern = this.jsonPattern = null;
      return;
    }
    this.pattern = new RegExp(secrets.map(escape).join('|'), 'g');
    // In JSON text a secret may appear escaped (quotes, backslashes, control characters).
    const inJson = [...new Set(secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))];
    this.jsonPattern = new RegExp(inJson.map(escape).join('|'));
  }
}
