// The Service list's logic, pure and unit-tested: applying batches (with a resourceVersion guard),
// search, filters, sorting, and the text each column shows.
import type { ServiceRow, ServiceRowsBatch } from '../../../electron/api/types';

export const rowKey = (row: Pick<ServiceRow, 'context' | 'uid'>): string => `${row.context}/${row.uid}`;

/** resourceVersions are opaque, but etcd's are integers: compare them as such when both are. */
function isOlder(candidate: string, known: string): boolean {
  if (!/^\d+$/.test(candidate) || !/^\d+$/.test(known)) return false;
  return candidate.length !== known.length ? candidate.length < known.length : candidate < known;
}

/** Applies one batch to the rows; returns whether anything changed. Older versions never win. */
export function applyBatch(rows: Map<string, ServiceRow>, batch: Pick<ServiceRowsBatch, 'context' | 'upserted' | 'deleted'>): boolean {
  let changed = false;
  for (const row of batch.upserted) {
    const key = rowKey(row);
    const known = rows.get(key);
    if (known && isOlder(row.resourceVersion, known.resourceVersion)) continue;
    rows.set(key, row);
    changed = true;
  }
  for (const uid of batch.deleted) changed = rows.delete(`${batch.context}/${uid}`) || changed;
  return changed;
}

export function portsText(row: ServiceRow): string {
  return row.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol} → ${p.targetPort}`).join(', ');
}

export function selectorText(selector: Record<string, string>): string {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ');
}

export function matchesServiceQuery(row: ServiceRow, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [row.name, row.alias ?? '', row.namespace, selectorText(row.labels), selectorText(row.selector), portsText(row)]
    .join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

export type TypeFilter = 'all' | 'virtual-ip' | 'headless-selector' | 'headless-external-name' | 'node-port' | 'load-balancer';

export function matchesType(row: ServiceRow, filter: TypeFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'node-port' || filter === 'load-balancer') return row.access === filter;
  return row.kind === filter;
}

export type SortKey = 'name' | 'context' | 'namespace' | 'type' | 'clusterIP' | 'external' | 'ports' | 'selector' | 'endpoints' | 'age';
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

function sortValue(row: ServiceRow, key: SortKey): string | number {
  switch (key) {
    case 'name': return row.name;
    case 'context': return row.context;
    case 'namespace': return row.namespace;
    case 'type': return `${row.kind}/${row.access}`;
    case 'clusterIP': return ipSortable(row.clusterIP ?? '');
    case 'external': return row.externalName ?? row.externalAddresses.join(',');
    case 'ports': return row.ports[0]?.port ?? -1;
    case 'selector': return selectorText(row.selector);
    case 'endpoints': return row.endpoints ? row.endpoints.ready * 1e6 + row.endpoints.total : -1;
    case 'age': return row.createdAt ? -Date.parse(row.createdAt) : 0;
  }
}

/** IPv4 addresses sort numerically (10.96.0.10 after 10.96.0.9). */
function ipSortable(ip: string): string {
  return /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? ip.split('.').map((n) => n.padStart(3, '0')).join('.') : ip;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareRows(a: ServiceRow, b: ServiceRow, sort: Sort): number {
  const x = sortValue(a, sort.key);
  const y = sortValue(b, sort.key);
  const primary = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  const result = primary !== 0 ? primary : collator.compare(`${a.context}/${a.namespace}/${a.name}`, `${b.context}/${b.namespace}/${b.name}`);
  return sort.direction === 'asc' ? result : -result;
}

export interface RowFilter {
  query: string;
  type: TypeFilter;
  /** Contexts to show; empty shows all. */
  contexts: string[];
}

export function visibleRows(rows: Iterable<ServiceRow>, filter: RowFilter, sort: Sort): ServiceRow[] {
  const contexts = new Set(filter.contexts);
  const out: ServiceRow[] = [];
  for (const row of rows) {
    if (contexts.size > 0 && !contexts.has(row.context)) continue;
    if (!matchesType(row, filter.type) || !matchesServiceQuery(row, filter.query)) continue;
    out.push(row);
  }
  return out.sort((a, b) => compareRows(a, b, sort));
}

/** "3d", "5h", "12m", "40s": the age column as kubectl prints it. */
export function age(createdAt: string | null, now: number): string {
  if (!createdAt) return '';
  const seconds = Math.max(0, Math.floor((now - Date.parse(createdAt)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}
