import { describe, expect, it } from 'vitest';
import type { RouteRow } from '../../../electron/api/types';
import { routesTo, ruleText } from '../../../renderer/src/model/service-routes';

const route = (kind: RouteRow['kind'], name: string, backends: RouteRow['backends']): RouteRow => ({ uid: name, context: 'a', namespace: 'shop', kind, name, via: [], backends });

describe('routes to a Service', () => {
  it('keeps the routes with a rule for that Service (same namespace), only those rules, sorted by kind and name', () => {
    const rows = [
      route('HTTPRoute', 'web-route', [{ service: 'web', namespace: 'shop', port: '80', hosts: ['shop.example.com'], path: '/' }]),
      route('Ingress', 'main', [
        { service: 'web', namespace: 'shop', port: '80', hosts: ['shop.example.com'], path: '/web' },
        { service: 'api', namespace: 'shop', port: '8080', hosts: ['shop.example.com'], path: '/api' },
      ]),
      route('HTTPRoute', 'elsewhere', [{ service: 'web', namespace: 'other', port: null, hosts: [], path: null }]),
    ];
    const found = routesTo(rows, 'shop', 'web');
    expect(found.map((r) => `${r.route.kind}/${r.route.name}`)).toEqual(['HTTPRoute/web-route', 'Ingress/main']);
    expect(found[1]!.backends.map((b) => b.path)).toEqual(['/web']);
  });

  it('says a rule as host, path and port', () => {
    expect(ruleText({ service: 'web', namespace: 'shop', port: '80', hosts: ['a.example.com'], path: '/x' })).toBe('a.example.com/x → :80');
    expect(ruleText({ service: 'web', namespace: 'shop', port: null, hosts: [], path: null })).toBe('*');
  });
});
