import { describe, expect, it } from 'vitest';
import { serviceSchemaFromOpenApi } from '../../../electron/core/services/service-schema';
import bundled from '../../../renderer/src/editor/service.schema.json';

describe('serviceSchemaFromOpenApi', () => {
  const openapi = {
    components: {
      schemas: {
        'io.k8s.api.core.v1.Service': {
          type: 'object',
          properties: {
            apiVersion: { type: 'string' }, kind: { type: 'string' },
            metadata: { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }] },
            spec: { $ref: '#/components/schemas/io.k8s.api.core.v1.ServiceSpec' },
          },
          'x-kubernetes-group-version-kind': [{ group: '', kind: 'Service', version: 'v1' }],
        },
        'io.k8s.api.core.v1.ServiceSpec': { type: 'object', properties: { ports: { type: 'array', items: { $ref: '#/components/schemas/io.k8s.api.core.v1.ServicePort' } } } },
        'io.k8s.api.core.v1.ServicePort': { type: 'object', properties: { port: { type: 'integer' } }, 'x-kubernetes-list-type': 'map' },
        'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': { type: 'object' },
        'io.k8s.api.core.v1.Pod': { type: 'object' },
      },
    },
  };

  it('keeps the Service and what it reaches, rewrites references, and pins apiVersion and kind', () => {
    const schema = serviceSchemaFromOpenApi(openapi) as { $ref: string; definitions: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    expect(schema.$ref).toBe('#/definitions/io.k8s.api.core.v1.Service');
    expect(Object.keys(schema.definitions).sort()).toEqual([
      'io.k8s.api.core.v1.Service', 'io.k8s.api.core.v1.ServicePort', 'io.k8s.api.core.v1.ServiceSpec', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    ]);
    const service = schema.definitions['io.k8s.api.core.v1.Service']!;
    expect(service.properties!.spec).toEqual({ $ref: '#/definitions/io.k8s.api.core.v1.ServiceSpec' });
    expect(service.properties!.kind).toEqual({ type: 'string', enum: ['Service'] });
    expect(service.required).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(JSON.stringify(schema)).not.toMatch(/x-kubernetes-|#\/components/);
  });

  it('refuses a document without a Service', () => {
    expect(() => serviceSchemaFromOpenApi({ components: { schemas: {} } })).toThrow(/no io.k8s.api.core.v1.Service/);
  });

  it('is what the bundled offline schema was made with', () => {
    const defs = (bundled as { definitions: Record<string, { properties?: Record<string, { enum?: string[] }> }> }).definitions;
    expect(defs['io.k8s.api.core.v1.ServiceSpec']?.properties?.sessionAffinity?.enum).toEqual(['ClientIP', 'None']);
    expect(defs['io.k8s.api.core.v1.Service']?.properties?.kind?.enum).toEqual(['Service']);
  });
});
