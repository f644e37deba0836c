// A kubeconfig with one context per situation the app must name correctly, built on real clusters:
// two healthy admin contexts, an unreachable server, a wrong token (401), a user RBAC confines to one
// namespace, an untrusted certificate, an exec plugin that is not installed, and a dangling context.
import { readFileSync } from 'node:fs';
import { freePort } from './processes.ts';
import type { TestCluster } from './test-cluster.ts';

export const RESTRICTED_NAMESPACE = 'team-a';

/** Secrets the kubeconfig holds, so a test can check that none of them leaves core. */
export interface ScenarioSecrets {
  strings: string[];
}

export interface Scenario {
  /** The kubeconfig document (write it with JSON.stringify: JSON is YAML). */
  kubeconfig: Record<string, unknown>;
  secrets: ScenarioSecrets;
}

const b64 = (path: string): string => readFileSync(path).toString('base64');

/** Creates the restricted ServiceAccount in `cluster` (idempotent) and returns a token for it. */
export async function restrictedUserToken(cluster: TestCluster): Promise<string> {
  await cluster.kubectl(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: RESTRICTED_NAMESPACE } },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'restricted', namespace: RESTRICTED_NAMESPACE } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'service-editor', namespace: RESTRICTED_NAMESPACE },
        rules: [
          { apiGroups: [''], resources: ['services', 'pods', 'events'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'] },
          { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'restricted-service-editor', namespace: RESTRICTED_NAMESPACE },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'service-editor' },
        subjects: [{ kind: 'ServiceAccount', name: 'restricted', namespace: RESTRICTED_NAMESPACE }],
      },
    ],
  }));
  return cluster.kubectl(['create', 'token', 'restricted', '-n', RESTRICTED_NAMESPACE, '--duration=2h']);
}

export async function scenarioKubeconfig(a: TestCluster, b: TestCluster): Promise<Scenario> {
  const token = await restrictedUserToken(a);
  const wrongToken = 'portolan-wrong-token-0123456789abcdef';
  const password = 'portolan-basic-password-s3cret';
  const deadPort = await freePort();
  const adminA = { 'client-certificate-data': b64(a.state.pki.adminCert), 'client-key-data': b64(a.state.pki.adminKey) };
  const adminB = { 'client-certificate-data': b64(b.state.pki.adminCert), 'client-key-data': b64(b.state.pki.adminKey) };
  const kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'portolan-a',
    clusters: [
      { name: 'portolan-a', cluster: { server: a.server, 'certificate-authority-data': b64(a.state.pki.caCert) } },
      { name: 'portolan-b', cluster: { server: b.server, 'certificate-authority-data': b64(b.state.pki.caCert) } },
      { name: 'dead', cluster: { server: `https://127.0.0.1:${deadPort}`, 'certificate-authority-data': b64(a.state.pki.caCert) } },
      // Cluster a's server, but trusting cluster b's CA: the certificate check must fail.
      { name: 'wrong-ca', cluster: { server: a.server, 'certificate-authority-data': b64(b.state.pki.caCert) } },
    ],
    users: [
      { name: 'admin-a', user: adminA },
      { name: 'admin-b', user: adminB },
      { name: 'wrong-token', user: { token: wrongToken } },
      { name: 'restricted', user: { token } },
      { name: 'basic', user: { username: 'someone', password } },
      { name: 'no-plugin', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'portolan-test-missing-auth-plugin', interactiveMode: 'Never' } } },
    ],
    contexts: [
      { name: 'portolan-a', context: { cluster: 'portolan-a', user: 'admin-a', namespace: 'default' } },
      { name: 'portolan-b', context: { cluster: 'portolan-b', user: 'admin-b', namespace: 'default' } },
      { name: 'unreachable', context: { cluster: 'dead', user: 'admin-a' } },
      { name: 'wrong-token', context: { cluster: 'portolan-a', user: 'wrong-token' } },
      { name: 'restricted', context: { cluster: 'portolan-a', user: 'restricted', namespace: RESTRICTED_NAMESPACE } },
      { name: 'untrusted-ca', context: { cluster: 'wrong-ca', user: 'admin-a' } },
      { name: 'missing-plugin', context: { cluster: 'portolan-a', user: 'no-plugin' } },
      { name: 'basic-auth', context: { cluster: 'portolan-b', user: 'basic' } },
      { name: 'dangling', context: { cluster: 'no-such-cluster', user: 'admin-a' } },
    ],
  };
  return {
    kubeconfig,
    secrets: { strings: [token, wrongToken, password, adminA['client-key-data'], adminB['client-key-data'], readFileSync(a.state.pki.adminKey, 'utf8').split('\n')[1] ?? ''] },
  };
}
