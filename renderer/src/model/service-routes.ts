// The Ingresses and HTTPRoutes that send traffic to one Service, with the rules that do. Pure: unit-tested.
import type { RouteBackend, RouteRow } from '../../../electron/api/types';

export interface RouteToService {
  route: RouteRow;
  /** The route's rules that reach this Service. */
  backends: RouteBackend[];
}

export function routesTo(rows: Iterable<RouteRow>, namespace: string, name: string): RouteToService[] {
  const out: RouteToService[] = [];
  for (const route of rows) {
    const backends = route.backends.filter((b) => b.service === name && b.namespace === namespace);
    if (backends.length > 0) out.push({ route, backends });
  }
  return out.sort((a, b) => a.route.kind.localeCompare(b.route.kind) || a.route.name.localeCompare(b.route.name));
}

/** A rule as one line: `shop.example.com/cart → :80`. */
export function ruleText(backend: RouteBackend): string {
  const where = `${backend.hosts.join(', ') || '*'}${backend.path ?? ''}`;
  return backend.port ? `${where} → :${backend.port}` : where;
}
