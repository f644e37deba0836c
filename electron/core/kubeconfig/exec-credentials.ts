// Exec credential plugins (gke-gcloud-auth-plugin, aws eks get-token, kubelogin, …) run by core
// instead of client-node's exec runner, which gives a plugin an open stdin, no time limit and one
// process per concurrent request, and quotes a plugin's output in its errors. Here, as kubectl runs
// them outside a terminal: no stdin (a plugin that insists on one is refused in kubectl's words),
// KUBERNETES_EXEC_INFO set, one run at a time per user entry shared by every context that uses it, a
// time limit, the process killed when the last connection using it closes, and errors that never
// quote what the plugin printed on stdout (that is where credentials are).
import { spawn, type ChildProcess } from 'node:child_process';
import type { User } from '@kubernetes/client-node';
import type { OutgoingHttpHeaders } from 'node:http';
import type { RequestOptions } from 'node:https';
import { checkPluginPolicy, readPluginPolicy } from './kuberc-policy';
import { isRecord } from './parse-kubeconfig';
import { rememberSecret } from '../secrets/secret-redactor';

export const EXEC_TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 1024 * 1024;

export interface ExecConfig {
  command: string;
  args?: string[] | null;
  env?: Array<{ name: string; value: string }> | null;
  apiVersion?: string;
  interactiveMode?: string;
}

interface ExecCredentialStatus {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  expirationTimestamp?: string;
}

interface SharedRun {
  users: number;
  cached: ExecCredentialStatus | null;
  running: Promise<ExecCredentialStatus> | null;
  child: ChildProcess | null;
}

const runs = new Map<string, SharedRun>();

/** The exact command a plugin entry runs, as the user is shown it before allowing it. */
export function commandLine(exec: ExecConfig): string {
  return [exec.command, ...(exec.args ?? [])].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : JSON.stringify(part))).join(' ');
}

/** A plugin from a kubeconfig file added in the app, which the user has not allowed to run yet. */
export class UntrustedPluginError extends Error {
  readonly file: string;
  readonly command: string;

  constructor(file: string, command: string) {
    super(`${file} asks to run ${command}, which you have not allowed yet`);
    this.name = 'UntrustedPluginError';
    this.file = file;
    this.command = command;
  }
}

/** The words for a plugin that failed: its exit, and the last line it wrote to stderr (never stdout). */
function failure(command: string, detail: string, stderr: string): Error {
  const last = stderr.trim().split('\n').at(-1)?.trim().slice(0, 300);
  return new Error(`exec plugin ${command} ${detail}${last ? `: ${last}` : ''}`);
}

function run(exec: ExecConfig, shared: SharedRun, timeoutMs: number): Promise<ExecCredentialStatus> {
  if (exec.interactiveMode === 'Always') {
    return Promise.reject(new Error('exec plugin cannot support interactive mode: standard input is not a terminal (run it once in a terminal, or set interactiveMode to IfAvailable)'));
  }
  try {
    // The user's kuberc may forbid this plugin (kubectl's credential plugin policy).
    checkPluginPolicy(readPluginPolicy(), exec.command);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const { name, value } of exec.env ?? []) env[name] = value;
  env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion: exec.apiVersion, kind: 'ExecCredential', spec: { interactive: false } });
  return new Promise((resolve, reject) => {
    const child = spawn(exec.command, exec.args ?? [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    shared.child = child;
    let stdout = '';
    let stderr = '';
    let settled = false;
    const settle = (error: Error | null, value?: ExecCredentialStatus): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      shared.child = null;
      if (error) reject(error);
      else resolve(value!);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(failure(exec.command, `did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`, stderr));
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (data: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += data;
    });
    child.stderr.setEncoding('utf8').on('data', (data: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += data;
    });
    child.on('error', (error) => settle(new Error(`exec plugin ${exec.command} could not be started: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code !== 0) return settle(failure(exec.command, signal ? `was stopped (${signal})` : `exited with ${code}`, stderr));
      let credential: unknown;
      try {
        credential = JSON.parse(stdout);
      } catch {
        return settle(failure(exec.command, `printed ${stdout.length} characters that are not an ExecCredential (JSON)`, stderr));
      }
      if (!isRecord(credential) || credential.kind !== 'ExecCredential' || !isRecord(credential.status)) {
        return settle(failure(exec.command, 'printed JSON that is not an ExecCredential with a status', stderr));
      }
      if (exec.apiVersion && credential.apiVersion !== exec.apiVersion) {
        return settle(failure(exec.command, `answered with apiVersion ${String(credential.apiVersion)}, not ${exec.apiVersion} as the kubeconfig asks`, stderr));
      }
      settle(null, credential.status as ExecCredentialStatus);
    });
  });
}

const fresh = (status: ExecCredentialStatus | null): boolean =>
  status !== null && (!status.expirationTimestamp || Date.parse(status.expirationTimestamp) - 10_000 > Date.now());

/**
 * An authenticator for client-node's KubeConfig.addAuthenticator, for the one user of a one-context
 * KubeConfig (the user entry is given to client-node without its exec section).
 */
export class ExecCredentialAuthenticator {
  private readonly key: string;
  private readonly shared: SharedRun;
  private closed = false;
  private readonly exec: ExecConfig;
  private readonly userName: string;
  private readonly timeoutMs: number;
  private readonly source: string;
  private readonly command: string;
  private readonly allowed: ((command: string) => boolean) | null;

  /**
   * `source` is the kubeconfig file of the user entry: the same entry in two contexts shares one run.
   * `allowed`, for files added in the app: whether the user allowed this command line to run.
   */
  constructor(exec: ExecConfig, userName: string, source: string, timeoutMs = EXEC_TIMEOUT_MS, allowed: ((command: string) => boolean) | null = null) {
    this.exec = exec;
    this.source = source;
    this.command = commandLine(exec);
    this.allowed = allowed;
    this.userName = userName;
    this.timeoutMs = timeoutMs;
    this.key = JSON.stringify([source, userName, exec]);
    const shared = runs.get(this.key) ?? { users: 0, cached: null, running: null, child: null };
    shared.users++;
    runs.set(this.key, shared);
    this.shared = shared;
  }

  isAuthProvider(user: User): boolean {
    return user.name === this.userName;
  }

  async applyAuthentication(_user: User, opts: RequestOptions): Promise<void> {
    const status = await this.credential();
    if (status.clientCertificateData) opts.cert = status.clientCertificateData;
    if (status.clientKeyData) opts.key = status.clientKeyData;
    if (status.token) opts.headers = { ...(opts.headers as OutgoingHttpHeaders | undefined), Authorization: `Bearer ${status.token}` };
  }

  private credential(): Promise<ExecCredentialStatus> {
    if (this.closed) return Promise.reject(new Error('the connection was closed'));
    if (this.allowed && !this.allowed(this.command)) return Promise.reject(new UntrustedPluginError(this.source, this.command));
    const shared = this.shared;
    if (fresh(shared.cached)) return Promise.resolve(shared.cached!);
    shared.running ??= run(this.exec, shared, this.timeoutMs).then(
      (status) => {
        rememberSecret(status.token);
        rememberSecret(status.clientKeyData);
        shared.cached = status;
        shared.running = null;
        return status;
      },
      (error: unknown) => {
        shared.running = null;
        throw error;
      },
    );
    return shared.running;
  }

  /** The connection using it closed: the last one to go stops a plugin still running. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.shared.users--;
    if (this.shared.users > 0) return;
    this.shared.child?.kill('SIGKILL');
    runs.delete(this.key);
  }
}

/** How many plugin processes are running now (for tests). */
export function runningExecPlugins(): number {
  return [...runs.values()].filter((r) => r.child !== null).length;
}
