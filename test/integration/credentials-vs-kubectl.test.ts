// The credentials a real API server receives from Portolan are the ones it receives from kubectl, for
// every kind of user entry: a recording proxy in front of a test cluster notes the Authorization
// header and the client certificate of `kubectl get --raw /version` and of Portolan's KubeClient on
// the same kubeconfig, context by context. Exec plugins note whether they ran.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../electron/core/kube/kube-client';
import { contextClientConfig } from '../../electron/core/kubeconfig/context-kubeconfig';
import { KubeconfigStore } from '../../electron/core/kubeconfig/kubeconfig-store';
import { ensureBinaries } from '../cluster/binaries';
import { restrictedUserToken } from '../cluster/kubeconfig-scenarios';
import { fingerprintOf, startRecordingProxy, type RecordedRequest, type RecordingProxy } from '../support/recording-proxy';
import { testClusters } from './clusters';

const { kubectl } = ensureBinaries();
const cluster = testClusters().clusters[0]!;
const b64 = (path: string): string => readFileSync(path).toString('base64');

let proxy: RecordingProxy;
let plainProxy: RecordingProxy;
let dir: string;
let kubeconfig: string;
let token: string;
const pluginToken = 'token-printed-by-the-exec-plugin';

/** An exec plugin script that notes each run in `marker` and prints `token`. */
function plugin(path: string, marker: string, printed: string): void {
  const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: printed } });
  writeFileSync(path, `#!/bin/sh\necho ran >> "${marker}"\necho '${credential}'\n`);
  chmodSync(path, 0o755);
}

const exec = (command: string): Record<string, unknown> => ({ apiVersion: 'client.authentication.k8s.io/v1', command, interactiveMode: 'Never' });

beforeAll(async () => {
  proxy = await startRecordingProxy(cluster.server, cluster.state.pki);
  plainProxy = await startRecordingProxy(cluster.server, cluster.state.pki, { plain: true });
  token = await restrictedUserToken(cluster);
  dir = mkdtempSync(join(tmpdir(), 'portolan-credentials-'));
  mkdirSync(join(dir, 'config', 'bin'), { recursive: true });
  mkdirSync(join(dir, 'path-bin'), { recursive: true });
  writeFileSync(join(dir, 'config', 'token'), `${token}\n`);
  plugin(join(dir, 'config', 'bin', 'plugin'), join(dir, 'ran-relative'), pluginToken);
  // On PATH under a name with a backslash: only a `/` makes an exec command a path on Linux.
  plugin(join(dir, 'path-bin', 'tools\\plugin'), join(dir, 'ran-on-path'), `${pluginToken}-from-path`);
  plugin(join(dir, 'path-bin', 'never'), join(dir, 'ran-never'), 'should-not-be-sent');
  const admin = { 'client-certificate-data': b64(cluster.state.pki.adminCert), 'client-key-data': b64(cluster.state.pki.adminKey) };
  const ca = b64(cluster.state.pki.caCert);
  const users: Record<string, Record<string, unknown>> = {
    'token': { token },
    'token-file': { tokenFile: 'token' },
    'token-and-token-file': { token: 'inline-token-that-loses', tokenFile: 'token' },
    'basic': { username: 'someone', password: 'secret' },
    'password-only': { password: 'only-a-password' },
    'client-certificate': admin,
    'exec-relative': { exec: exec('bin/plugin') },
    'exec-backslash-on-path': { exec: exec('tools\\plugin') },
    'exec-and-certificate': { ...admin, exec: exec('never') },
    'exec-and-token': { token, exec: exec('never') },
    'exec-and-basic': { username: 'someone', password: 'secret', exec: exec('never') },
    'none': {},
    'gcp-provider': { 'auth-provider': { name: 'gcp', config: { 'cmd-path': join(dir, 'path-bin', 'never') } } },
    'azure-provider': { 'auth-provider': { name: 'azure', config: {} } },
    'exec-needs-terminal': { exec: { ...exec('never'), interactiveMode: 'Always' } },
  };
  const contexts = Object.keys(users).map((name) => ({ name, context: { cluster: 'proxied', user: name } }));
  contexts.push({ name: 'userinfo', context: { cluster: 'userinfo', user: 'none' } });
  contexts.push({ name: 'userinfo-and-token', context: { cluster: 'userinfo', user: 'token' } });
  contexts.push({ name: 'plain-http-token', context: { cluster: 'plain-http', user: 'token' } });
  contexts.push({ name: 'uncompressed-token', context: { cluster: 'uncompressed', user: 'token' } });
  contexts.push({ name: 'plain-http-exec', context: { cluster: 'plain-http', user: 'exec-relative' } });
  contexts.push({ name: 'plain-http-userinfo', context: { cluster: 'plain-http-userinfo', user: 'token' } });
  const withUserInfo = new URL(proxy.url);
  withUserInfo.username = 'url-user';
  withUserInfo.password = 'url%20password';
  const config = {
    apiVersion: 'v1', kind: 'Config',
    clusters: [
      { name: 'proxied', cluster: { server: proxy.url, 'certificate-authority-data': ca } },
      { name: 'userinfo', cluster: { server: withUserInfo.toString().replace(/\/$/, ''), 'certificate-authority-data': ca } },
      { name: 'plain-http', cluster: { server: plainProxy.url } },
      { name: 'uncompressed', cluster: { server: proxy.url, 'certificate-authority-data': ca, 'disable-compression': true } },
      { name: 'plain-http-userinfo', cluster: { server: plainProxy.url.replace('http://', 'http://url-user:pw@') } },
    ],
    users: Object.entries(users).map(([name, user]) => ({ name, user })),
    contexts,
  };
  kubeconfig = join(dir, 'config', 'kubeconfig');
  writeFileSync(kubeconfig, JSON.stringify(config, null, 2));
  process.env.PATH = `${join(dir, 'path-bin')}${delimiter}${process.env.PATH}`;
});

afterAll(async () => {
  await proxy.close();
  await plainProxy.close();
});

interface Sent {
  authorization: string | null;
  clientCertificate: string | null;
  ok: boolean;
}

function firstVersionRequest(requests: RecordedRequest[], since: number): Sent {
  const request = requests.slice(since).find((r) => r.path.startsWith('/version'));
  if (!request) throw new Error(`no request reached the proxy (${JSON.stringify(requests.slice(since))})`);
  return { authorization: request.authorization, clientCertificate: request.clientCertificate, ok: request.status === 200 };
}

/** kubectl on the context (asynchronously: the proxy answers from this very process). */
async function viaKubectl(context: string, recorder: RecordingProxy, kuberc?: string): Promise<Sent & { error: string }> {
  const since = recorder.requests.length;
  const output = await new Promise<string>((done) => {
    const child = spawn(kubectl, ['--kubeconfig', kubeconfig, '--context', context, 'get', '--raw', '/version'],
      { cwd: tmpdir(), env: { PATH: process.env.PATH, HOME: dir, ...(kuberc ? { KUBERC: kuberc } : {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', () => done(text.trim()));
  });
  if (recorder.requests.length === since) return { authorization: null, clientCertificate: null, ok: false, error: output };
  return { ...firstVersionRequest(recorder.requests, since), error: '' };
}

async function viaPortolan(context: string, recorder: RecordingProxy): Promise<Sent & { error: string }> {
  const store = new KubeconfigStore();
  await store.setPaths([{ path: kubeconfig, origin: 'env' }]);
  const since = recorder.requests.length;
  let error = '';
  try {
    const config = contextClientConfig(store.merged, context);
    const client = new KubeClient(config.kubeConfig, config.extraAuthorization, config.compression);
    await client.json('GET', '/version').catch((e: Error) => (error = e.message));
    await client.close();
  } catch (e) {
    error = (e as Error).message;
  } finally {
    store.close();
  }
  if (recorder.requests.length === since) return { authorization: null, clientCertificate: null, ok: false, error };
  return { ...firstVersionRequest(recorder.requests, since), error };
}

const basic = (pair: string): string => `Basic ${Buffer.from(pair).toString('base64')}`;

describe('what a real API server receives, kubectl and Portolan side by side', () => {
  const admin = (): string => fingerprintOf(readFileSync(cluster.state.pki.adminCert, 'utf8'));
  const expected: Record<string, (sent: Sent) => void> = {
    'token': (s) => expect(s).toMatchObject({ authorization: `Bearer ${token}`, ok: true }),
    'token-file': (s) => expect(s).toMatchObject({ authorization: `Bearer ${token}`, ok: true }),
    'token-and-token-file': (s) => expect(s).toMatchObject({ authorization: `Bearer ${token}`, ok: true }),
    'basic': (s) => expect(s.authorization).toBe(basic('someone:secret')),
    'client-certificate': (s) => expect(s).toMatchObject({ authorization: null, clientCertificate: admin(), ok: true }),
    'exec-relative': (s) => expect(s.authorization).toBe(`Bearer ${pluginToken}`),
    'exec-backslash-on-path': (s) => expect(s.authorization).toBe(`Bearer ${pluginToken}-from-path`),
    'exec-and-certificate': (s) => expect(s).toMatchObject({ authorization: null, clientCertificate: admin() }),
    'exec-and-token': (s) => expect(s.authorization).toBe(`Bearer ${token}`),
    'exec-and-basic': (s) => expect(s.authorization).toBe(basic('someone:secret')),
    // The server URL's user info wins over the token (Go's HTTP client sets it first).
    'userinfo-and-token': (s) => expect(s.authorization).toBe(basic('url-user:url password')),
    // Over plain http, no credentials at all, and no plugin run.
    'plain-http-token': (s) => expect(s).toMatchObject({ authorization: null, ok: true }),
    'plain-http-exec': (s) => expect(s).toMatchObject({ authorization: null, ok: true }),
    'plain-http-userinfo': (s) => expect(s.authorization).toBe(basic('url-user:pw')),
  };
  it.each(Object.keys(expected))('%s', async (context) => {
    for (const marker of ['ran-relative', 'ran-on-path', 'ran-never']) rmSync(join(dir, marker), { force: true });
    const recorder = context.startsWith('plain-http') ? plainProxy : proxy;
    const byKubectl = await viaKubectl(context, recorder);
    const kubectlRan = ['ran-relative', 'ran-on-path'].filter((m) => existsSync(join(dir, m)));
    for (const marker of kubectlRan) rmSync(join(dir, marker));
    const byPortolan = await viaPortolan(context, recorder);
    expect(byPortolan).toEqual({ ...byKubectl, error: byPortolan.error });
    expected[context]!(byKubectl);
    expect(['ran-relative', 'ran-on-path'].filter((m) => existsSync(join(dir, m))), 'the plugins Portolan ran').toEqual(kubectlRan);
    expect(existsSync(join(dir, 'ran-never')), 'a plugin kubectl would not run was run').toBe(false);
  });

  // Refused before anything is sent, in kubectl's own words.
  const refused: Record<string, string> = {
    'gcp-provider': 'The gcp auth plugin has been removed. Please use the "gke-gcloud-auth-plugin"',
    'azure-provider': 'The azure auth plugin has been removed. Please use the https://github.com/Azure/kubelogin',
    'exec-needs-terminal': 'exec plugin cannot support interactive mode: standard input is not a terminal',
  };
  it.each(Object.keys(refused))('%s: refused by both, in the same words, with nothing run or sent', async (context) => {
    rmSync(join(dir, 'ran-never'), { force: true });
    const byKubectl = await viaKubectl(context, proxy);
    const byPortolan = await viaPortolan(context, proxy);
    expect(byKubectl.error.replace(/\n/g, ' ')).toContain(refused[context]);
    expect(byPortolan.error).toContain(refused[context]);
    expect(byPortolan).toMatchObject({ authorization: null, clientCertificate: null, ok: false });
    expect(existsSync(join(dir, 'ran-never'))).toBe(false);
  });

  // The user's kuberc credential plugin policy (kubectl 1.35+), read by both.
  const policies: Record<string, { kuberc: string; context: string; expect: (s: Sent & { error: string }) => void }> = {
    'DenyAll': {
      kuberc: 'credentialPluginPolicy: DenyAll', context: 'exec-relative',
      expect: (s) => expect(s.error).toContain('not allowed: policy set to "DenyAll"'),
    },
    'Allowlist naming the plugin': {
      kuberc: 'credentialPluginPolicy: Allowlist\ncredentialPluginAllowlist:\n- command: "tools\\\\plugin"', context: 'exec-backslash-on-path',
      expect: (s) => expect(s.authorization).toBe(`Bearer ${pluginToken}-from-path`),
    },
    'Allowlist naming another plugin': {
      kuberc: 'credentialPluginPolicy: Allowlist\ncredentialPluginAllowlist:\n- command: other-plugin', context: 'exec-backslash-on-path',
      expect: (s) => expect(s.error).toContain('is not permitted by the credential plugin allowlist'),
    },
    'an empty Allowlist': {
      kuberc: 'credentialPluginPolicy: Allowlist\ncredentialPluginAllowlist: []', context: 'exec-relative',
      expect: (s) => expect(s.error).toContain('allowlist is empty; use "DenyAll" policy instead'),
    },
  };
  it.each(Object.keys(policies))('kuberc policy %s: the same plugins run, refused in the same words', async (name) => {
    const { kuberc, context, expect: check } = policies[name]!;
    const file = join(dir, `kuberc-${name.replace(/\W+/g, '-')}`);
    writeFileSync(file, `apiVersion: kubectl.config.k8s.io/v1beta1\nkind: Preference\n${kuberc}\n`);
    const byKubectl = await viaKubectl(context, proxy, file);
    process.env.KUBERC = file;
    const byPortolan = await viaPortolan(context, proxy).finally(() => delete process.env.KUBERC);
    check(byKubectl);
    check(byPortolan);
    expect(byPortolan).toMatchObject({ authorization: byKubectl.authorization, ok: byKubectl.ok });
  });

  // On purpose: with nothing that identifies the user, kubectl asks for a username on the terminal
  // (and fails without one). Portolan has no terminal: it sends what the kubeconfig holds.
  const prompted: Record<string, string | null> = {
    'none': null,
    'password-only': basic(':only-a-password'),
    'userinfo': basic('url-user:url password'),
  };
  it.each(Object.keys(prompted))('%s: kubectl asks for a username, Portolan sends what the kubeconfig has', async (context) => {
    const byKubectl = await viaKubectl(context, proxy);
    expect(byKubectl).toMatchObject({ authorization: null, ok: false });
    expect(byKubectl.error).toContain('Please enter Username');
    const byPortolan = await viaPortolan(context, proxy);
    expect(byPortolan.authorization).toBe(prompted[context]);
  });

  // The cluster entry's disable-compression: kubectl then asks for no compressed answer (Go's
  // transport asks for gzip otherwise). Portolan asks for `identity`, and otherwise for what fetch
  // offers (gzip among others): the same choice in other words, on purpose.
  it.each([['token', true], ['uncompressed-token', false]] as const)('%s: asks for a compressed answer as kubectl does (%s)', async (context, compressed) => {
    const asked = async (via: typeof viaKubectl): Promise<string | null> => {
      const since = proxy.requests.length;
      expect((await via(context, proxy)).ok).toBe(true);
      return proxy.requests.slice(since).find((r) => r.path.startsWith('/version'))!.acceptEncoding;
    };
    const byKubectl = await asked(viaKubectl);
    const byPortolan = await asked(viaPortolan);
    expect(byKubectl).toBe(compressed ? 'gzip' : null);
    expect(/\bgzip\b/.test(byPortolan ?? '')).toBe(compressed);
    if (!compressed) expect(byPortolan).toBe('identity');
  });
});
