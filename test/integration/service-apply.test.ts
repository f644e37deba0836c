// Editing a Service's YAML: server-side apply as field manager "portolan"; a field another manager
// owns comes back as a conflict naming the field, and force takes it over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { PortolanCore } from '../../electron/core/portolan-core';
import { connectedCore, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [a] = set.clusters;
let core: PortolanCore;
let namespace: string;

beforeAll(async () => {
  core = await connectedCore(set.kubeconfig, 'portolan-a');
  namespace = uniqueNamespace('apply');
  await a!.kubectl(['create', 'namespace', namespace]);
  // Made by kubectl's own server-side apply: its manager owns selector and ports.
  await a!.kubectl(['apply', '--server-side', '--field-manager=kubectl', '-f', '-'], stringify({
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  }));
});
afterAll(() => core.dispose());

const manifest = (spec: Record<string, unknown>, labels: Record<string, string> = {}): string => `# edited in Portolan
apiVersion: v1
kind: Service
metadata:
  name: web
  labels: ${JSON.stringify(labels)}
spec: ${JSON.stringify(spec)}
`;

describe('applyService', () => {
  it('applies an edit as field manager "portolan"', async () => {
    const result = await core.handlers.applyService({ context: 'portolan-a', namespace, name: 'web', manifest: manifest({}, { tier: 'web' }), force: false });
    expect(result).toMatchObject({ ok: true });
    const live = JSON.parse(await a!.kubectl(['get', 'service', 'web', '-n', namespace, '-o', 'json', '--show-managed-fields']));
    expect(live.metadata.labels).toEqual({ tier: 'web' });
    const managers = live.metadata.managedFields.map((f: { manager: string }) => f.manager);
    expect(managers).toEqual(expect.arrayContaining(['kubectl', 'portolan']));
  });

  it('reports a conflict on a field another manager owns, naming the field, and changes nothing', async () => {
    const result = await core.handlers.applyService({ context: 'portolan-a', namespace, name: 'web', manifest: manifest({ selector: { app: 'other' } }), force: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('conflict');
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field: '.spec.selector', message: expect.stringMatching(/kubectl/) })]));
    const live = JSON.parse(await a!.kubectl(['get', 'service', 'web', '-n', namespace, '-o', 'json']));
    expect(live.spec.selector).toEqual({ app: 'web' });
  });

  it('takes the field over with force', async () => {
    const result = await core.handlers.applyService({ context: 'portolan-a', namespace, name: 'web', manifest: manifest({ selector: { app: 'other' } }), force: true });
    expect(result).toMatchObject({ ok: true });
    const live = JSON.parse(await a!.kubectl(['get', 'service', 'web', '-n', namespace, '-o', 'json']));
    expect(live.spec.selector).toEqual({ app: 'other' });
  });

  it('maps invalid fields (422) to their paths, and refuses renames and broken YAML', async () => {
    const bad = await core.handlers.applyService({
      context: 'portolan-a', namespace, name: 'web', force: true,
      manifest: manifest({ type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 99999 }] }),
    });
    expect(bad).toMatchObject({ ok: false, reason: 'invalid' });
    if (!bad.ok) expect(bad.problems.map((p) => p.field)).toContain('spec.ports[0].nodePort');
    const renamed = await core.handlers.applyService({ context: 'portolan-a', namespace, name: 'web', force: false, manifest: manifest({}).replace('name: web', 'name: other') });
    expect(renamed).toMatchObject({ ok: false, reason: 'invalid', explanation: { code: 'manifest.nameChanged', params: { name: 'web' } } });
    const broken = await core.handlers.applyService({ context: 'portolan-a', namespace, name: 'web', force: false, manifest: 'kind: [' });
    expect(broken).toMatchObject({ ok: false, reason: 'invalid', explanation: { code: 'manifest.notYaml', params: { detail: expect.stringMatching(/\S/) } } });
  });
});
