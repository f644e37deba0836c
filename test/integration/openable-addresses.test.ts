// The desktop app opens in the system browser only the addresses core built for a Service an open
// detail view shows (a node and its nodePort here), and nothing once that view is gone.
import { afterAll, expect, it } from 'vitest';
import type { ServiceDetail } from '../../electron/api/types';
import type { PortolanCore } from '../../electron/core/portolan-core';
import { connectedCore, eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const cluster = set.clusters[0]!;
let core: PortolanCore;
afterAll(() => core?.dispose());

it('allows a NodePort Service\'s address while its detail view is open, and no other URL', async () => {
  core = await connectedCore(set.kubeconfig, cluster.name);
  const namespace = uniqueNamespace('openable');
  await cluster.kubectl(['create', 'namespace', namespace]);
  await cluster.kubectl(['apply', '-n', namespace, '-f', '-'], JSON.stringify({
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] },
  }));
  const details: ServiceDetail[] = [];
  core.events.listen((event, payload) => {
    if (event === 'serviceDetail') details.push(payload as ServiceDetail);
  });
  const { subscriptionId } = await core.handlers.watchServiceDetail({ clientId: 'detail', context: cluster.name, namespace, name: 'web' });
  const detail = await eventually('an address for the NodePort', async () => details.find((d) => d.addresses.length > 0));
  const nodePort = (detail.row?.ports[0]?.nodePort ?? 0);
  expect(nodePort).toBeGreaterThan(0);
  expect(detail.addresses).toEqual([`http://${detail.nodeAddresses[0]}:${nodePort}`]);
  expect(core.isOpenableUrl(detail.addresses[0]!)).toBe(true);
  expect(core.isOpenableUrl(`http://${detail.nodeAddresses[0]}:${nodePort + 1}`)).toBe(false);
  expect(core.isOpenableUrl('https://example.com/')).toBe(false);
  await core.handlers.unwatch({ subscriptionId });
  expect(core.isOpenableUrl(detail.addresses[0]!)).toBe(false);
});
