import { describe, expect, it } from 'vitest';
import { withoutServerFields } from '../../../electron/api/server-fields';

describe('withoutServerFields', () => {
  it('drops status and the server\'s metadata bookkeeping, keeps everything a person wrote, and leaves the input alone', () => {
    const live = {
      apiVersion: 'v1', kind: 'Service',
      metadata: {
        name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { 'kubesphere.io/alias-name': '前端' },
        uid: 'u-1', resourceVersion: '42', creationTimestamp: '2026-11-26T00:00:00Z', generation: 3, managedFields: [{ manager: 'kubectl' }], selfLink: '/x',
      },
      spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }], selector: { app: 'web' } },
      status: { loadBalancer: {} },
    };
    const before = structuredClone(live);
    expect(withoutServerFields(live)).toEqual({
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { 'kubesphere.io/alias-name': '前端' } },
      spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }], selector: { app: 'web' } },
    });
    expect(live).toEqual(before);
  });
});
