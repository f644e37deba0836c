// The wizard's cluster side against a real API server: each type and access created from the form
// model's manifest reads back as exactly the form that made it; dry runs show defaults and create
// nothing; 409 and 422 come back naming the problem; workloads and pod previews are real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortolanCore } from '../../electron/core/portolan-core';
import { emptyServiceForm, formFromManifest, manifestText, type ServiceForm } from '../../renderer/src/model/service-form';
import { connectedCore, eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [a] = set.clusters;
let core: PortolanCore;
let namespace: string;

beforeAll(async () => {
  core = await connectedCore(set.kubeconfig, 'portolan-a');
  namespace = uniqueNamespace('create');
  await a!.kubectl(['create', 'namespace', namespace]);
  await a!.kubectl(['create', 'deployment', 'shop', '--image=nginx', '--replicas=2', '--port=8080', '-n', namespace]);
});
afterAll(() => core.dispose());

function form(patch: Partial<ServiceForm>): ServiceForm {
  return {
    ...emptyServiceForm(namespace), selector: [{ key: 'app', value: 'shop' }], labels: [{ key: 'app', value: 'shop' }],
    ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: '8080', nodePort: null }], ...patch,
  };
}

async function createAndRead(f: ServiceForm): Promise<ServiceForm> {
  const result = await core.handlers.createService({ context: 'portolan-a', namespace, manifest: manifestText(f), dryRun: false });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return formFromManifest(JSON.parse(await a!.kubectl(['get', 'service', f.name, '-n', namespace, '-o', 'json'])));
}

describe('createService', () => {
  const cases: Array<[string, Partial<ServiceForm>]> = [
    ['Virtual IP, no internet access, with alias and description', { name: 'vip', alias: '商店服务', description: '前端入口' }],
    ['Virtual IP, NodePort with a fixed nodePort', { name: 'np', access: 'node-port', externalTrafficPolicy: 'Local', ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: '8080', nodePort: 31080 }] }],
    ['Virtual IP, LoadBalancer with provider annotations and source ranges', {
      name: 'lb', access: 'load-balancer', externalTrafficPolicy: 'Cluster', loadBalancerSourceRanges: ['10.0.0.0/8'],
      loadBalancerAnnotations: [{ key: 'service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids', value: 'eip-1234' }, { key: 'service.beta.kubernetes.io/qingcloud-load-balancer-type', value: '0' }],
      ports: [{ name: '', protocol: 'TCP', port: 443, targetPort: '8443', nodePort: 32443 }],
    }],
    ['Headless (Selector)', { name: 'headless', type: 'headless-selector' }],
    ['Headless (ExternalName)', { name: 'external', type: 'headless-external-name', externalName: 'db.example.com', selector: [], ports: [] }],
    ['ClientIP session affinity with a timeout', { name: 'sticky', sessionAffinity: 'ClientIP', sessionAffinityTimeout: 3600 }],
    ['a named target port, several named ports, SCTP', {
      name: 'named', ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: null },
        { name: 'signal', protocol: 'SCTP', port: 9000, targetPort: '9000', nodePort: null },
      ],
    }],
  ];
  for (const [title, patch] of cases) {
    it(`creates ${title} and reads back exactly what was meant`, async () => {
      const wanted = form(patch);
      expect(await createAndRead(wanted)).toEqual(wanted);
    });
  }

  it('dry-runs: shows the defaults the server would store (clusterIP, nodePort, ipFamilies) and creates nothing', async () => {
    const dry = await core.handlers.createService({ context: 'portolan-a', namespace, manifest: manifestText(form({ name: 'dry', access: 'node-port' })), dryRun: true });
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    const spec = dry.object.spec as { clusterIP: string; ports: Array<{ nodePort: number }>; ipFamilies: string[] };
    expect(spec.clusterIP).toMatch(/^10\.96\./);
    expect(spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(spec.ipFamilies).toEqual(['IPv4']);
    expect(await core.handlers.serviceExists({ context: 'portolan-a', namespace, name: 'dry' })).toBe(false);
  });

  it('says a name is taken (409) and maps invalid fields (422) to their paths', async () => {
    expect(await core.handlers.serviceExists({ context: 'portolan-a', namespace, name: 'vip' })).toBe(true);
    const again = await core.handlers.createService({ context: 'portolan-a', namespace, manifest: manifestText(form({ name: 'vip' })), dryRun: true });
    expect(again).toMatchObject({ ok: false, reason: 'exists', explanation: { code: 'server.said', params: { detail: expect.stringMatching(/already exists/) } } });
    const elsewhere = await core.handlers.createService({ context: 'portolan-a', namespace, dryRun: true, manifest: manifestText(form({ name: 'moved', namespace: 'elsewhere' })) });
    expect(elsewhere).toMatchObject({ ok: false, reason: 'invalid', explanation: { code: 'manifest.namespaceMismatch', params: { written: 'elsewhere', chosen: namespace } } });
    const notService = await core.handlers.createService({ context: 'portolan-a', namespace, dryRun: true, manifest: 'apiVersion: v1\nkind: ConfigMap\n' });
    expect(notService).toMatchObject({ ok: false, reason: 'invalid', explanation: { code: 'manifest.notService' } });
    const bad = await core.handlers.createService({
      context: 'portolan-a', namespace, dryRun: true,
      manifest: manifestText(form({ name: 'bad', ports: [{ name: '', protocol: 'TCP', port: 70000, targetPort: '', nodePort: null }] })),
    });
    expect(bad).toMatchObject({ ok: false, reason: 'invalid' });
    if (!bad.ok) expect(bad.problems.map((p) => p.field)).toContain('spec.ports[0].port');
    // A dry run does not ask the nodePort allocator (Kubernetes 1.37 accepts even 99999 then): only
    // the real create says so, which is why the wizard checks the range itself.
    const nodePortManifest = manifestText(form({ name: 'bad-node-port', access: 'node-port', ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: '', nodePort: 80 }] }));
    expect(await core.handlers.createService({ context: 'portolan-a', namespace, dryRun: true, manifest: nodePortManifest })).toMatchObject({ ok: true });
    const real = await core.handlers.createService({ context: 'portolan-a', namespace, dryRun: false, manifest: nodePortManifest });
    expect(real).toMatchObject({ ok: false, reason: 'invalid', problems: [{ field: 'spec.ports[0].nodePort', message: expect.stringMatching(/30000-32767/) }] });
    expect(await core.handlers.serviceExists({ context: 'portolan-a', namespace, name: 'bad-node-port' })).toBe(false);
  });

  it("serves the cluster's own Service schema for the editor", async () => {
    const answer = await core.handlers.serviceSchema({ context: 'portolan-a' });
    expect(answer).toMatchObject({ rememberedAt: null, serverVersion: a!.binaries.kubernetesVersion });
    const schema = answer.schema as { $ref: string; definitions: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
    expect(schema.$ref).toBe('#/definitions/io.k8s.api.core.v1.Service');
    expect(schema.definitions['io.k8s.api.core.v1.ServiceSpec']?.properties?.type?.enum).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  });

  it('lists workloads with their own selector (not the pod labels) and container ports, and previews the pods a selector matches', async () => {
    // Pod labels carry a version that changes at the next rollout; the workload selects by app only.
    await a!.kubectl(['apply', '-f', '-'], JSON.stringify({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'versioned', namespace },
      spec: {
        selector: { matchLabels: { app: 'versioned' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] },
        template: { metadata: { labels: { app: 'versioned', tier: 'fe', version: 'v1' } }, spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: 80 }] }] } },
      },
    }));
    const { workloads, rememberedAt } = await core.handlers.listWorkloads({ context: 'portolan-a', namespace });
    expect(rememberedAt).toBeNull();
    expect(workloads).toEqual([
      { kind: 'Deployment', name: 'shop', selectorLabels: { app: 'shop' }, selectorExpressions: false, ports: [{ name: null, containerPort: 8080, protocol: 'TCP' }] },
      { kind: 'Deployment', name: 'versioned', selectorLabels: { app: 'versioned' }, selectorExpressions: true, ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] },
    ]);
    const matched = await eventually('2 ready pods', async () => {
      const m = await core.handlers.matchPods({ context: 'portolan-a', namespace, selector: { app: 'shop' } });
      return m.count === 2 && m.pods.every((p) => p.ready) ? m : undefined;
    });
    expect(matched.pods[0]!.name).toMatch(/^shop-/);
    expect(await core.handlers.matchPods({ context: 'portolan-a', namespace, selector: { app: 'nothing' } })).toEqual({ count: 0, pods: [] });
  });
});
