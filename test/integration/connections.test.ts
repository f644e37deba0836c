// Connections against real clusters: each context's state is named correctly, one broken context never
// affects another, namespaces are live (or fall back under RBAC), access reviews answer per verb.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState, ConnectionStatus, NamespaceList } from '../../electron/api/types';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { RESTRICTED_NAMESPACE, scenarioKubeconfig } from '../cluster/kubeconfig-scenarios';
import { eventually, testClusters } from './clusters';

let core: PortolanCore;
const set = testClusters();

beforeAll(async () => {
  const [a, b] = set.clusters;
  const scenario = await scenarioKubeconfig(a!, b!);
  const dir = mkdtempSync(join(tmpdir(), 'portolan-connections-'));
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, JSON.stringify(scenario.kubeconfig));
  core = createPortolanCore({
    transport: 'browser',
    kubeconfigPaths: [{ path: file, origin: 'env' }],
    stateDir: null,
    connections: { healthIntervalMs: 1000, deniedRetryMs: 3000 },
  });
  await core.ready;
});
afterAll(() => core.dispose());

async function settledStatus(context: string, wanted: ConnectionState): Promise<ConnectionStatus> {
  await core.handlers.connect({ context });
  return eventually(`${context} becomes ${wanted}`, async () => {
    const status = (await core.handlers.connectionStatuses(undefined)).find((s) => s.context === context);
    return status?.state === wanted ? status : undefined;
  }, 20_000);
}

describe('connections', () => {
  it('connects healthy clusters with their server version and round-trip time', async () => {
    for (const context of ['portolan-a', 'portolan-b']) {
      const status = await settledStatus(context, 'connected');
      expect(status.serverVersion).toBe(set.clusters[0]!.binaries.kubernetesVersion);
      expect(status.rttMs).toBeGreaterThanOrEqual(0);
      expect(status.rttMs).toBeLessThan(5000);
      expect(status.problem).toBeNull();
      expect(status.identity).toBe('portolan-admin');
    }
  });

  it('names each failure and says what to do, while the healthy contexts stay connected', async () => {
    const unreachable = await settledStatus('unreachable', 'unreachable');
    expect(unreachable.problem).toEqual({ code: 'connection.unreachable', params: { detail: expect.stringMatching(/connection refused \(ECONNREFUSED\)/) } });
    expect(unreachable.retryAt).toBeGreaterThan(Date.now() - 1000);

    const wrongToken = await settledStatus('wrong-token', 'unauthorized');
    expect(wrongToken.problem).toMatchObject({ code: 'connection.unauthorized', params: { user: 'wrong-token' } });

    const tls = await settledStatus('untrusted-ca', 'tls-error');
    expect(tls.problem).toMatchObject({ code: 'connection.tls', params: { cluster: 'wrong-ca', detail: expect.stringMatching(/certificate/i) } });

    const plugin = await settledStatus('missing-plugin', 'auth-error');
    expect(plugin.problem).toMatchObject({ code: 'connection.auth', params: { detail: expect.stringMatching(/portolan-test-missing-auth-plugin/) } });

    // Kubernetes ignores basic auth and would serve the user as anonymous: that is not "connected".
    const basic = await settledStatus('basic-auth', 'unauthorized');
    expect(basic.problem).toMatchObject({ code: 'connection.anonymous', params: { user: 'basic', authKind: 'basic' } });

    expect(await core.handlers.connect({ context: 'dangling' })).toMatchObject({
      state: 'config-error', problem: { code: 'context.unknownCluster', params: expect.objectContaining({ cluster: 'no-such-cluster' }) },
    });

    const statuses = await core.handlers.connectionStatuses(undefined);
    expect(statuses.find((s) => s.context === 'portolan-a')?.state).toBe('connected');
    expect(statuses.find((s) => s.context === 'portolan-b')?.state).toBe('connected');
  });

  it('lists namespaces live and follows a namespace created with kubectl', async () => {
    await settledStatus('portolan-a', 'connected');
    const initial = await eventually('namespaces listed', async () => {
      const list = await core.handlers.listNamespaces({ context: 'portolan-a' });
      return list.mode === 'live' ? list : undefined;
    });
    expect(initial.namespaces).toEqual(expect.arrayContaining(['default', 'kube-system', RESTRICTED_NAMESPACE]));

    const name = `live-${Date.now().toString(36)}`;
    const seen = new Promise<NamespaceList>((resolve) => {
      const stop = core.events.listen((event, payload) => {
        if (event === 'namespacesChanged' && (payload as NamespaceList).namespaces.includes(name)) {
          stop();
          resolve(payload as NamespaceList);
        }
      });
    });
    const began = Date.now();
    await set.clusters[0]!.kubectl(['create', 'namespace', name]);
    const list = await seen;
    expect(list.context).toBe('portolan-a');
    expect(Date.now() - began).toBeLessThan(2000);
  });

  it('falls back to the context namespace when the user may not list namespaces, and takes typed ones', async () => {
    await settledStatus('restricted', 'connected');
    const fallback = await eventually('fallback namespaces', async () => {
      const list = await core.handlers.listNamespaces({ context: 'restricted' });
      return list.mode === 'fallback' ? list : undefined;
    });
    expect(fallback.namespaces).toEqual([RESTRICTED_NAMESPACE]);
    expect(fallback.note).toEqual({ code: 'namespaces.fallback', params: { namespace: RESTRICTED_NAMESPACE } });
    const added = await core.handlers.addNamespaces({ context: 'restricted', namespaces: ['team-b'] });
    expect(added.namespaces).toEqual([RESTRICTED_NAMESPACE, 'team-b']);
  });

  it('answers what the user may do with Services, per verb and namespace', async () => {
    await settledStatus('restricted', 'connected');
    const own = await core.handlers.servicePermissions({ context: 'restricted', namespace: RESTRICTED_NAMESPACE });
    expect(own.verbs.list.allowed).toBe(true);
    expect(own.verbs.create.allowed).toBe(true);
    expect(own.verbs.delete).toEqual({ allowed: false, reason: expect.stringMatching(/delete Services in namespace "team-a"/) });
    const other = await core.handlers.servicePermissions({ context: 'restricted', namespace: 'default' });
    expect(Object.values(other.verbs).every((d) => !d.allowed)).toBe(true);
    const admin = await core.handlers.servicePermissions({ context: 'portolan-a', namespace: null });
    expect(Object.values(admin.verbs).every((d) => d.allowed)).toBe(true);
  });

  it('refuses namespace calls for a context that is not connected, with a clear error', async () => {
    await expect(core.handlers.listNamespaces({ context: 'never-connected' })).rejects.toThrow(/is not connected/);
  });
});
