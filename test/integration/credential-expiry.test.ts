// Credentials that stop working while connected (a ServiceAccount deleted: its tokens are refused from
// then on, as an expired token would be): the context says so in words, its rows are kept, and
// writing fresh credentials into the kubeconfig ("log in again") reconnects it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { RowCollector } from '../support/row-collector';
import { eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const a = set.clusters[0]!;
const namespace = uniqueNamespace('expiry');
const account = 'short-lived';
let core: PortolanCore;
let file: string;

async function freshToken(): Promise<string> {
  await a.kubectl(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: account, namespace } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: `${account}-view`, namespace },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
      },
    ],
  }));
  return a.kubectl(['create', 'token', account, '-n', namespace, '--duration=1h']);
}

function writeKubeconfig(token: string): void {
  writeFileSync(file, JSON.stringify({
    apiVersion: 'v1', kind: 'Config', 'current-context': 'expiring',
    clusters: [{ name: 'a', cluster: { server: a.server, 'certificate-authority-data': readFileSync(a.state.pki.caCert).toString('base64') } }],
    users: [{ name: account, user: { token } }],
    contexts: [{ name: 'expiring', context: { cluster: 'a', user: account, namespace } }],
  }));
}

beforeAll(async () => {
  await a.kubectl(['create', 'namespace', namespace]);
  await a.kubectl(['create', 'service', 'clusterip', 'kept', '--tcp=80:80', '-n', namespace]);
  file = join(mkdtempSync(join(tmpdir(), 'portolan-expiry-')), 'config');
  writeKubeconfig(await freshToken());
  core = createPortolanCore({
    transport: 'browser', kubeconfigPaths: [{ path: file, origin: 'env' }], stateDir: null,
    connections: { healthIntervalMs: 1000, deniedRetryMs: 2000 },
  });
  await core.ready;
});
afterAll(() => core?.dispose());

const status = async () => (await core.handlers.connectionStatuses(undefined)).find((s) => s.context === 'expiring');

describe('credentials that stop working', () => {
  it('says the credentials were rejected, keeps the rows, and reconnects once the kubeconfig has new ones', async () => {
    await core.handlers.connect({ context: 'expiring' });
    await eventually('connected', async () => ((await status())?.state === 'connected' ? true : undefined));
    let id: string | null = null;
    const rows = new RowCollector(core, () => id);
    id = (await core.handlers.watchRows({ clientId: 'expiry-test', kind: 'services', context: 'expiring', namespace })).subscriptionId;
    await eventually('listed', async () => (rows.rows.size === 1 ? true : undefined));

    await a.kubectl(['delete', 'serviceaccount', account, '-n', namespace]);
    const refused = await eventually('unauthorized', async () => {
      const s = await status();
      return s?.state === 'unauthorized' ? s : undefined;
    });
    expect(refused.problem).toEqual({ code: 'connection.unauthorized', params: { user: account, source: file } });
    expect([...rows.rows.values()].map((r) => r.name)).toEqual(['kept']);

    // "Log in again": new credentials in the file; the context reconnects by itself.
    writeKubeconfig(await freshToken());
    await eventually('connected again', async () => ((await status())?.state === 'connected' ? true : undefined));
    rows.close();
  });
});
