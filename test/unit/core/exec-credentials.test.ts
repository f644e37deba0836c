// Exec plugins as core runs them: no stdin, KUBERNETES_EXEC_INFO, one run shared by concurrent
// requests, a time limit, killed when the last connection closes, and no stdout in any error.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestOptions } from 'node:https';
import { describe, expect, it } from 'vitest';
import type { User } from '@kubernetes/client-node';
import { ExecCredentialAuthenticator, runningExecPlugins } from '../../../electron/core/kubeconfig/exec-credentials';

const dir = mkdtempSync(join(tmpdir(), 'portolan-exec-'));
const API = 'client.authentication.k8s.io/v1';
const credential = (token: string): string => JSON.stringify({ apiVersion: API, kind: 'ExecCredential', status: { token } });
let n = 0;

/** A plugin script; `{log}` in its body is a file it may write to. */
function plugin(body: string): { command: string; log: string } {
  const command = join(dir, `plugin-${n}`);
  const log = join(dir, `log-${n++}`);
  writeFileSync(command, `#!/bin/sh\n${body.replaceAll('{log}', log)}\n`);
  chmodSync(command, 0o755);
  return { command, log };
}

const user = { name: 'u' } as User;
async function headerOf(auth: ExecCredentialAuthenticator): Promise<unknown> {
  const opts: RequestOptions = {};
  await auth.applyAuthentication(user, opts);
  return (opts.headers as Record<string, unknown> | undefined)?.Authorization;
}

describe('ExecCredentialAuthenticator', () => {
  it('gives the plugin no stdin and KUBERNETES_EXEC_INFO, and sends its token', async () => {
    const p = plugin(`echo "$KUBERNETES_EXEC_INFO" > {log}\nread answer && exit 3\necho '${credential('t1')}'`);
    const auth = new ExecCredentialAuthenticator({ command: p.command, apiVersion: API }, 'u', 'a');
    expect(await headerOf(auth)).toBe('Bearer t1');
    expect(JSON.parse(readFileSync(p.log, 'utf8'))).toEqual({ apiVersion: API, kind: 'ExecCredential', spec: { interactive: false } });
    auth.close();
  });

  it('runs once for many concurrent requests, and for two contexts sharing the user entry', async () => {
    const p = plugin(`echo ran >> {log}\nsleep 0.3\necho '${credential('shared')}'`);
    const first = new ExecCredentialAuthenticator({ command: p.command, apiVersion: API }, 'u', 'same-file');
    const second = new ExecCredentialAuthenticator({ command: p.command, apiVersion: API }, 'u', 'same-file');
    const headers = await Promise.all([...Array(5)].map((_, i) => headerOf(i % 2 ? first : second)));
    expect(headers).toEqual(Array(5).fill('Bearer shared'));
    expect(readFileSync(p.log, 'utf8').trim().split('\n')).toHaveLength(1);
    first.close();
    second.close();
  });

  it('stops a plugin that does not answer in time, and kills one whose connection closes', async () => {
    const slow = plugin('echo $$ > {log}\nexec sleep 30');
    const timed = new ExecCredentialAuthenticator({ command: slow.command, apiVersion: API }, 'u', 'timeout', 300);
    await expect(headerOf(timed)).rejects.toThrow(/did not answer within 300 ms/);
    timed.close();
    const closing = new ExecCredentialAuthenticator({ command: slow.command, apiVersion: API }, 'u', 'closing');
    const pending = headerOf(closing);
    await new Promise((r) => setTimeout(r, 200));
    expect(runningExecPlugins()).toBe(1);
    closing.close();
    await expect(pending).rejects.toThrow(/was stopped/);
    expect(runningExecPlugins()).toBe(0);
    const pid = Number(readFileSync(slow.log, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('never quotes what the plugin printed on stdout', async () => {
    const junk = plugin('echo "bare-token-s3cret-1234"\necho "last words" >&2');
    const auth = new ExecCredentialAuthenticator({ command: junk.command, apiVersion: API }, 'u', 'junk');
    const error = await headerOf(auth).catch((e: Error) => e.message);
    expect(error).toMatch(/not an ExecCredential/);
    expect(error).toContain('last words');
    expect(error).not.toContain('bare-token-s3cret-1234');
    auth.close();
    const failing = plugin('echo "{\\"token\\": \\"s3cret\\"}"\necho "please log in" >&2\nexit 4');
    const failed = new ExecCredentialAuthenticator({ command: failing.command, apiVersion: API }, 'u', 'failing');
    const message = await headerOf(failed).catch((e: Error) => e.message);
    expect(message).toBe(`exec plugin ${failing.command} exited with 4: please log in`);
    failed.close();
  });

  it('refuses a plugin that needs a terminal, as kubectl does outside one, without running it', async () => {
    const p = plugin(`echo ran > {log}\necho '${credential('x')}'`);
    const auth = new ExecCredentialAuthenticator({ command: p.command, apiVersion: API, interactiveMode: 'Always' }, 'u', 'always');
    await expect(headerOf(auth)).rejects.toThrow('exec plugin cannot support interactive mode: standard input is not a terminal');
    expect(existsSync(p.log)).toBe(false);
    auth.close();
  });
});
