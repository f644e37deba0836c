// The Service list's logic, pure and unit-tested: search, filters, the sort order (for SortedView), and the text each column shows.
import type { ServiceRow } from '../../../electron/api/types';
import { naturalKey, SortedView, type ViewOrder } from './sorted-view';

import { rowKey } from './row-batch';

export { rowKey };

export function portsText(row: ServiceRow): string {
  return row.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol} → ${p.targetPort}`).join(', ');
}

export function selectorText(selector: Record<string, string>): string {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** Each row version's searchable text, built the first time a search looks at it. */
const searchTexts = new WeakMap<ServiceRow, string>();
function searchText(row: ServiceRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = [row.name, row.alias ?? '', row.namespace, selectorText(row.labels), selectorText(row.selector), portsText(row)].join(' ').toLowerCase();
    searchTexts.set(row, text);
  }
  return text;
}

/** A search as a predicate: the query's words are read once, each row's text once per row version. */
function queryMatcher(query: string): (row: ServiceRow) => boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (row) => words.length === 0 || words.every((w) => searchText(row).includes(w));
}

export function matchesServiceQuery(row: ServiceRow, query: string): boolean {
  return queryMatcher(query)(row);
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

/** naturalKey of a context's or a namespace's name, remembered: a few names shared by thousands of rows. */
const fewKeys = new Map<string, string>();
function fewKey(text: string): string {
  let key = fewKeys.get(text);
  if (key === undefined) {
    key = naturalKey(text);
    // Bounded, should a cluster have namespaces by the thousand.
    if (fewKeys.size >= 4096) fewKeys.clear();
    fewKeys.set(text, key);
  }
  return key;
}

function sortValue(row: ServiceRow, key: SortKey): string | number {
  switch (key) {
    case 'name': return naturalKey(row.name);
    case 'context': return fewKey(row.context);
    case 'namespace': return fewKey(row.namespace);
    case 'type': return `${row.kind}/${row.access}`;
    case 'clusterIP': return naturalKey(row.clusterIP ?? '');
    case 'external': return naturalKey(row.externalName ?? row.externalAddresses.join(','));
    case 'ports': return row.ports[0]?.port ?? -1;
    case 'selector': return naturalKey(selectorText(row.selector));
    case 'endpoints': return row.endpoints ? row.endpoints.ready * 1e6 + row.endpoints.total : -1;
    case 'age': return row.createdAt ? -Date.parse(row.createdAt) : 0;
  }
}

/**
 * Context, namespace and name, then the row's key. The sorted column's own part is left out: two
 * rows' tie keys are compared only when their sort keys are equal, and so would that part be (a
 * list from three clusters has every name three times: sorted by name, most rows need a tie key).
 */
function tieKey(row: ServiceRow, sorted: SortKey): string {
  const context = sorted === 'context' ? '' : fewKey(row.context);
  const namespace = sorted === 'namespace' ? '' : fewKey(row.namespace);
  const name = sorted === 'name' ? '' : naturalKey(row.name);
  return `${context}\u0000${namespace}\u0000${name}\u0000${rowKey(row)}`;
}

export interface RowFilter {
  query: string;
  type: TypeFilter;
  /** Contexts to show; empty shows all. */
  contexts: string[];
}

/**
 * The list's filter and sort as a view order. Ties go by context, namespace and name, then the
 * row's key, so every row has one place. (IPv4 addresses sort numerically through naturalKey:
 * 10.96.0.9 before 10.96.0.10.)
 */
export function serviceOrder(filter: RowFilter, sort: Sort): ViewOrder<ServiceRow> {
  const contexts = new Set(filter.contexts);
  const matchesQuery = queryMatcher(filter.query);
  const { key, direction } = sort;
  return {
    include: (row) => (contexts.size === 0 || contexts.has(row.context)) && matchesType(row, filter.type)
      && matchesQuery(row),
    sortKey: (row) => sortValue(row, key),
    tieKey: (row) => tieKey(row, key),
    descending: direction === 'desc',
  };
}

/** The whole list filtered and sorted at once (the view does the same incrementally). */
export function visibleRows(rows: Iterable<ServiceRow>, filter: RowFilter, sort: Sort): ServiceRow[] {
  return new SortedView(serviceOrder(filter, sort), rows).rows();
}

/** "3d", "5h", "12m", "40s": the age column as kubectl prints it. */
export function age(createdAt: string | null, now: number): string {
  const parts = ageParts(createdAt, now);
  return parts ? `${parts.n}${parts.unit}` : '';
}

/** An age in kubectl's steps (seconds up to 2 minutes, minutes up to 2 hours, hours up to 2 days), as number and unit, for words in any language. */
export function ageParts(createdAt: string | null, now: number): { n: number; unit: 's' | 'm' | 'h' | 'd' } | null {
  if (!createdAt) return null;
  const seconds = Math.max(0, Math.floor((now - Date.parse(createdAt)) / 1000));
  if (seconds < 120) return { n: seconds, unit: 's' };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return { n: minutes, unit: 'm' };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { n: hours, unit: 'h' };
  return { n: Math.floor(hours / 24), unit: 'd' };
}
