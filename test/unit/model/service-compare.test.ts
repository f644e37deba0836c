import { describe, expect, it } from 'vitest';
import { comparable, compareWith } from '../../../renderer/src/model/service-compare';

const live = (cluster: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'v1', kind: 'Service',
  metadata: { name: 'web', namespace: 'shop', uid: `uid-${cluster}`, resourceVersion: cluster === 'a' ? '10' : '99', labels: { app: 'web' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `{"cluster":"${cluster}"}` } },
  spec: { clusterIP: cluster === 'a' ? '10.0.0.1' : '10.9.9.9', clusterIPs: ['x'], selector: { app: 'web' }, ports: [{ port: 80 }], ...extra },
  status: { loadBalancer: {} },
});

describe('comparing one Service across clusters', () => {
  it('compares labels, annotations and spec without what each cluster set or allocated', () => {
    expect(comparable(live('a'))).toEqual({ metadata: { labels: { app: 'web' } }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    // A headless Service keeps its None: it is what the Service is, not an allocation.
    expect((comparable(live('a', { clusterIP: 'None' })).spec as { clusterIP?: string }).clusterIP).toBe('None');
  });

  it('says per cluster whether it is the same, differs, or is missing', () => {
    const result = compareWith(live('a'), new Map([['b', live('b')], ['c', live('c', { type: 'NodePort' })], ['d', null]]));
    expect(Object.fromEntries(result)).toEqual({ b: 'same', c: 'differs', d: 'missing' });
  });
});
