import { describe, expect, it } from 'vitest';
import { kubeconfigPaths } from '../../../electron/core/kubeconfig/kubeconfig-paths';
import { authKindOf, mergeKubeconfigs, toContextList, withoutUserInfo, type KubeconfigFile } from '../../../electron/core/kubeconfig/merge-kubeconfigs';
import { parseKubeconfig } from '../../../electron/core/kubeconfig/parse-kubeconfig';

function file(path: string, text: string): KubeconfigFile {
  const parsed = parseKubeconfig(text);
  return parsed.ok
    ? { status: { path, origin: 'env', state: 'ok', problem: null }, doc: parsed.doc }
    : { status: { path, origin: 'env', state: 'invalid', problem: { code: parsed.problem === 'not-yaml' ? 'file.notYaml' : 'file.notKubeconfig', params: { path, detail: parsed.detail } } }, doc: null };
}

const first = file('/a/config', `
current-context: alpha
clusters:
- name: shared
  cluster: { server: https://first.example:6443 }
users:
- name: alice
  user: { token: secret-a }
contexts:
- name: alpha
  context: { cluster: shared, user: alice, namespace: team-a }
`);
const second = file('/b/config', `
current-context: beta
clusters:
- name: shared
  cluster: { server: https://second.example:6443 }
- name: other
  cluster: { server: https://other.example }
users:
- name: bob
  user: { exec: { command: aws, apiVersion: client.authentication.k8s.io/v1 } }
contexts:
- name: alpha
  context: { cluster: other, user: bob }
- name: beta
  context: { cluster: other, user: bob }
- name: dangling
  context: { cluster: nowhere, user: bob }
`);

describe('mergeKubeconfigs', () => {
  it('lets the first file win per cluster, user and context, and for current-context', () => {
    const list = toContextList(mergeKubeconfigs([first, second]));
    expect(list.currentContext).toBe('alpha');
    const alpha = list.contexts.find((c) => c.name === 'alpha');
    expect(alpha).toMatchObject({ server: 'https://first.example:6443', user: 'alice', namespace: 'team-a', source: '/a/config', current: true, authKind: 'token', problem: null });
    expect(list.contexts.find((c) => c.name === 'beta')).toMatchObject({ server: 'https://other.example', source: '/b/config', authKind: 'exec', current: false });
    expect(list.contexts.map((c) => c.name)).toEqual(['alpha', 'beta', 'dangling']);
  });

  it('takes current-context from a later file when the first sets none', () => {
    const noCurrent = file('/c/config', 'contexts: []\n');
    expect(toContextList(mergeKubeconfigs([noCurrent, second])).currentContext).toBe('beta');
  });

  it('marks a context whose cluster is missing, and keeps the others usable', () => {
    const list = toContextList(mergeKubeconfigs([first, second]));
    const dangling = list.contexts.find((c) => c.name === 'dangling');
    expect(dangling?.problem).toEqual({ code: 'context.unknownCluster', params: { context: dangling?.name, source: dangling?.source, cluster: 'nowhere' } });
    expect(dangling?.server).toBeNull();
    expect(list.contexts.filter((c) => c.problem === null)).toHaveLength(2);
  });

  it('reports invalid files by name, and still reads the others', () => {
    const merged = mergeKubeconfigs([
      file('/broken', 'clusters: [\n  - name: x\n  cluster: {'),
      file('/list', '- just\n- a list\n'),
      first,
    ]);
    expect(merged.files.map((f) => [f.path, f.state])).toEqual([['/broken', 'invalid'], ['/list', 'invalid'], ['/a/config', 'ok']]);
    expect(merged.files[0]?.problem).toMatchObject({ code: 'file.notYaml', params: { path: '/broken', detail: expect.stringMatching(/\S/) } });
    expect(merged.files[1]?.problem).toEqual({ code: 'file.notKubeconfig', params: { path: '/list', detail: 'a list' } });
    expect(toContextList(merged).contexts.map((c) => c.name)).toEqual(['alpha']);
  });

  it('treats an empty file as an empty kubeconfig', () => {
    expect(toContextList(mergeKubeconfigs([file('/empty', '')])).files[0]?.state).toBe('ok');
  });
});

describe('authKindOf', () => {
  it.each([
    [{ token: 't' }, 'token'],
    [{ tokenFile: '/t' }, 'token'],
    [{ 'client-certificate-data': 'x', 'client-key-data': 'y' }, 'client-certificate'],
    [{ username: 'u', password: 'p' }, 'basic'],
    [{ exec: { command: 'kubelogin' } }, 'exec'],
    [{ 'auth-provider': { name: 'oidc' } }, 'oidc'],
    [{ 'auth-provider': { name: 'gcp' } }, 'auth-provider'],
    [{}, 'none'],
  ])('%j is %s', (user, kind) => {
    expect(authKindOf(user)).toBe(kind);
  });
});

describe('kubeconfigPaths', () => {
  it('splits KUBECONFIG by the platform separator, drops empties and duplicates, keeps order', () => {
    const env = (...paths: string[]) => paths.map((path) => ({ path, origin: 'env' }));
    expect(kubeconfigPaths({ KUBECONFIG: '/x/a::/x/b:/x/a' }, '/home/u', ':')).toEqual(env('/x/a', '/x/b'));
    expect(kubeconfigPaths({ KUBECONFIG: '/x/a;/x/b' }, '/home/u', ';')).toEqual(env('/x/a', '/x/b'));
  });
  it('falls back to ~/.kube/config', () => {
    const fallback = [{ path: '/home/u/.kube/config', origin: 'default' }];
    expect(kubeconfigPaths({}, '/home/u', ':')).toEqual(fallback);
    expect(kubeconfigPaths({ KUBECONFIG: '' }, '/home/u', ':')).toEqual(fallback);
  });
});

describe('withoutUserInfo', () => {
  it('drops user:password from server URLs and leaves others alone', () => {
    expect(withoutUserInfo('https://admin:hunter2@k8s.example:6443')).toBe('https://k8s.example:6443');
    expect(withoutUserInfo('https://k8s.example:6443')).toBe('https://k8s.example:6443');
    expect(withoutUserInfo('https://k8s.example/prefix/')).toBe('https://k8s.example/prefix/');
    expect(withoutUserInfo('not a url://user:pw@x')).toBe('not a url://x');
  });
});
