// The foundation's proof that the test clusters are real: a Deployment's pods become Running and
// Ready (kwok plays the kubelet) and the EndpointSlice controller publishes their addresses.
import { AppsV1Api, CoreV1Api, DiscoveryV1Api, KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { eventually, testClusters, uniqueNamespace } from './clusters';

describe('test clusters', () => {
  it('serve two ready endpoints for a Service over a 2-replica Deployment, in every cluster', async () => {
    const set = testClusters();
    expect(set.clusters.map((c) => c.name)).toEqual(['portolan-a', 'portolan-b']);
    await Promise.all(set.clusters.map(async (cluster) => {
      const kc = new KubeConfig();
      kc.loadFromFile(set.kubeconfig);
      kc.setCurrentContext(cluster.name);
      const core = kc.makeApiClient(CoreV1Api);
      const apps = kc.makeApiClient(AppsV1Api);
      const discovery = kc.makeApiClient(DiscoveryV1Api);
      const namespace = uniqueNamespace('endpoints');
      const labels = { app: 'web' };
      await core.createNamespace({ body: { metadata: { name: namespace } } });
      await apps.createNamespacedDeployment({
        namespace,
        body: {
          metadata: { name: 'web' },
          spec: {
            replicas: 2,
            selector: { matchLabels: labels },
            template: {
              metadata: { labels },
              spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
            },
          },
        },
      });
      await core.createNamespacedService({
        namespace,
        body: { metadata: { name: 'web' }, spec: { selector: labels, ports: [{ port: 80, targetPort: 'http' }] } },
      });
      const ready = await eventually(`${cluster.name}: 2 ready endpoints`, async () => {
        const slices = await discovery.listNamespacedEndpointSlice({ namespace, labelSelector: 'kubernetes.io/service-name=web' });
        const endpoints = slices.items.flatMap((s) => s.endpoints ?? []).filter((e) => e.conditions?.ready);
        return endpoints.length === 2 ? endpoints : undefined;
      });
      expect(ready.every((e) => e.addresses.length === 1 && e.targetRef?.kind === 'Pod')).toBe(true);
      const slices = await discovery.listNamespacedEndpointSlice({ namespace, labelSelector: 'kubernetes.io/service-name=web' });
      expect(slices.items[0]?.ports?.[0]?.port).toBe(8080);
      const version = await cluster.kubectl(['version', '-o', 'json']);
      expect(JSON.parse(version).serverVersion.gitVersion).toBe(cluster.binaries.kubernetesVersion);
    }));
  });
});
