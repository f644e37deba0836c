// The ways in to Services: Ingresses (networking.k8s.io/v1) and, where the cluster serves Gateway
// API, HTTPRoutes (gateway.networking.k8s.io/v1), each with the Services its rules send traffic to.
// The detail view shows, live, those that route to its Service.
import type { RouteBackend } from '../../api/types';
import type { RowDescriptor } from '../rows/row-descriptor';
import type { KubeObject } from '../watch/resource-ref';

interface IngressBackend {
  service?: { name: string; port?: { number?: number; name?: string } };
}

interface IngressObject extends KubeObject {
  spec?: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    rules?: Array<{ host?: string; http?: { paths?: Array<{ path?: string; backend: IngressBackend }> } }>;
  };
}

interface HTTPRouteObject extends KubeObject {
  spec?: {
    parentRefs?: Array<{ name: string; namespace?: string }>;
    hostnames?: string[];
    rules?: Array<{
      matches?: Array<{ path?: { value?: string } }>;
      backendRefs?: Array<{ group?: string; kind?: string; name: string; namespace?: string; port?: number }>;
    }>;
  };
}

function ingressBackends(ingress: IngressObject): RouteBackend[] {
  const namespace = ingress.metadata.namespace ?? '';
  const port = (b: IngressBackend): string | null => (b.service?.port?.number !== undefined ? String(b.service.port.number) : b.service?.port?.name ?? null);
  const out: RouteBackend[] = [];
  const fallback = ingress.spec?.defaultBackend;
  if (fallback?.service) out.push({ service: fallback.service.name, namespace, port: port(fallback), hosts: [], path: null });
  for (const rule of ingress.spec?.rules ?? []) {
    for (const path of rule.http?.paths ?? []) {
      if (path.backend.service) out.push({ service: path.backend.service.name, namespace, port: port(path.backend), hosts: rule.host ? [rule.host] : [], path: path.path ?? null });
    }
  }
  return out;
}

function httpRouteBackends(route: HTTPRouteObject): RouteBackend[] {
  const namespace = route.metadata.namespace ?? '';
  const hosts = route.spec?.hostnames ?? [];
  return (route.spec?.rules ?? []).flatMap((rule) => {
    const path = rule.matches?.find((m) => m.path?.value)?.path?.value ?? null;
    // A backendRef is a Service unless it names another group or kind.
    return (rule.backendRefs ?? []).filter((ref) => (ref.group ?? '') === '' && (ref.kind ?? 'Service') === 'Service')
      .map((ref) => ({ service: ref.name, namespace: ref.namespace ?? namespace, port: ref.port !== undefined ? String(ref.port) : null, hosts, path }));
  });
}

export const routeRows: RowDescriptor<'routes'> = {
  kind: 'routes',
  sources: [
    { kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', plural: 'ingresses' },
    // Only where Gateway API's CRDs are installed: elsewhere it answers 404 and gives no rows.
    { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', version: 'v1', plural: 'httproutes', optional: true },
  ],
  toRow: (context, object, source) => {
    const base = { uid: object.metadata.uid, context, namespace: object.metadata.namespace ?? '', name: object.metadata.name };
    if (source.kind === 'Ingress') {
      const ingress = object as IngressObject;
      return { ...base, kind: 'Ingress', via: ingress.spec?.ingressClassName ? [ingress.spec.ingressClassName] : [], backends: ingressBackends(ingress) };
    }
    const route = object as HTTPRouteObject;
    return { ...base, kind: 'HTTPRoute', via: (route.spec?.parentRefs ?? []).map((p) => (p.namespace ? `${p.namespace}/${p.name}` : p.name)), backends: httpRouteBackends(route) };
  },
};
