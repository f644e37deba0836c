// The incremental view against an independent reference: after any sequence of batches (adds,
// changes, deletes, old versions), filters and sorts, its rows equal filtering the whole Map and
// sorting it with Intl.Collator (numeric, base sensitivity), which is what the list promised before
// sort keys were precomputed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceRow } from '../../../electron/api/types';
import { applyBatch } from '../../../renderer/src/model/row-batch';
import { matchesServiceQuery, matchesType, selectorText, serviceOrder, type RowFilter, type Sort, type SortKey } from '../../../renderer/src/model/service-rows';
import { naturalKey, SortedView, type RowChange } from '../../../renderer/src/model/sorted-view';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function referenceValue(row: ServiceRow, key: SortKey): string | number {
  switch (key) {
    case 'name': return row.name;
    case 'context': return row.context;
    case 'namespace': return row.namespace;
    case 'type': return `${row.kind}/${row.access}`;
    case 'clusterIP': return row.clusterIP ?? '';
    case 'external': return row.externalName ?? row.externalAddresses.join(',');
    case 'ports': return row.ports[0]?.port ?? -1;
    case 'selector': return selectorText(row.selector);
    case 'endpoints': return row.endpoints ? row.endpoints.ready * 1e6 + row.endpoints.total : -1;
    case 'age': return row.createdAt ? -Date.parse(row.createdAt) : 0;
  }
}

function reference(rows: Iterable<ServiceRow>, filter: RowFilter, sort: Sort): string[] {
  const compare = (a: ServiceRow, b: ServiceRow): number => {
    const x = referenceValue(a, sort.key);
    const y = referenceValue(b, sort.key);
    let r = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    if (r === 0) r = collator.compare(a.context, b.context) || collator.compare(a.namespace, b.namespace) || collator.compare(a.name, b.name);
    if (r === 0) r = a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
    return sort.direction === 'asc' ? r : -r;
  };
  return [...rows]
    .filter((r) => (filter.contexts.length === 0 || filter.contexts.includes(r.context)) && matchesType(r, filter.type) && matchesServiceQuery(r, filter.query))
    .sort(compare)
    .map((r) => `${r.context}/${r.uid}`);
}

const names = fc.stringMatching(/^[a-z]([-a-z0-9]{0,6}[a-z0-9])?$/);
const rowArb = fc.record({
  uid: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'),
  context: fc.constantFrom('a', 'b', 'prod-10', 'prod-9'),
  namespace: fc.constantFrom('default', 'ns-2', 'ns-10'),
  name: names,
  resourceVersion: fc.integer({ min: 1, max: 30 }).map(String),
  ip: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })),
  port: fc.integer({ min: 1, max: 3 }).map((p) => p * 80),
  ready: fc.integer({ min: 0, max: 3 }),
  access: fc.constantFrom('none', 'node-port', 'load-balancer'),
  created: fc.integer({ min: 0, max: 5 }),
}).map((r): ServiceRow => ({
  uid: r.uid, context: r.context, namespace: r.namespace, name: r.name, resourceVersion: r.resourceVersion, alias: null, description: null,
  kind: 'virtual-ip', access: r.access as ServiceRow['access'], clusterIP: `10.96.${r.ip[0]}.${r.ip[1]}`, externalAddresses: [], externalName: null,
  loadBalancerPending: false, ports: [{ name: null, protocol: 'TCP', port: r.port, nodePort: null, targetPort: '8080' }],
  selector: { app: r.name }, labels: {}, createdAt: new Date(Date.UTC(2026, 0, 1 + r.created)).toISOString(), endpoints: { ready: r.ready, total: 3 },
}));
const batchArb = fc.record({
  context: fc.constantFrom('a', 'b', 'prod-10', 'prod-9'),
  upserted: fc.array(rowArb, { maxLength: 12 }),
  deleted: fc.array(fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'), { maxLength: 3 }),
}).map((b) => ({ ...b, upserted: b.upserted.map((r) => ({ ...r, context: b.context })) }));
const filterArb = fc.record({
  query: fc.constantFrom('', 'a', '80', 'app=b', 'ns 1'),
  type: fc.constantFrom('all' as const, 'node-port' as const, 'load-balancer' as const),
  contexts: fc.constantFrom<string[][]>([], ['a'], ['prod-9', 'b']),
});
const sortArb = fc.record({
  key: fc.constantFrom<SortKey>('name', 'context', 'namespace', 'type', 'clusterIP', 'ports', 'selector', 'endpoints', 'age'),
  direction: fc.constantFrom('asc' as const, 'desc' as const),
});

describe('SortedView', () => {
  it('equals filtering and sorting the whole list after any batches, filters and sorts', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(batchArb.map((b) => ({ batch: b })), fc.record({ filter: filterArb, sort: sortArb })), { maxLength: 25 }),
      (steps) => {
        const rows = new Map<string, ServiceRow>();
        let filter: RowFilter = { query: '', type: 'all', contexts: [] };
        let sort: Sort = { key: 'name', direction: 'asc' };
        const view = new SortedView(serviceOrder(filter, sort));
        for (const step of steps) {
          if ('batch' in step) view.apply(applyBatch(rows, step.batch));
          else {
            ({ filter, sort } = step);
            view.reset(serviceOrder(filter, sort), rows.values());
          }
          expect(view.rows().map((r) => `${r.context}/${r.uid}`)).toEqual(reference(rows.values(), filter, sort));
          expect(view.cachedTieKeys).toBeLessThanOrEqual(view.size);
        }
      },
    ), { numRuns: 400 });
  });

  it('takes the changes of many batches in one call (a frame\'s worth), a row changed twice among them', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(batchArb.map((b) => ({ batch: b })), fc.record({ flush: fc.constant(true) }), fc.record({ filter: filterArb, sort: sortArb })), { maxLength: 25 }),
      fc.boolean(),
      (steps, big) => {
        const rows = new Map<string, ServiceRow>();
        let filter: RowFilter = { query: '', type: 'all', contexts: [] };
        let sort: Sort = { key: 'name', direction: 'asc' };
        const view = new SortedView(serviceOrder(filter, sort));
        let pending: Array<RowChange<ServiceRow>> = [];
        // Padding past the bulk threshold makes the merge path take the changes too.
        const flush = (): void => {
          view.apply(big ? [...pending, ...Array.from({ length: 40 }, () => ({}))] : pending);
          pending = [];
          expect(view.rows().map((r) => `${r.context}/${r.uid}`)).toEqual(reference(rows.values(), filter, sort));
          expect(view.cachedTieKeys).toBeLessThanOrEqual(view.size);
        };
        for (const step of steps) {
          if ('batch' in step) pending.push(...applyBatch(rows, step.batch));
          else if ('flush' in step) flush();
          else {
            ({ filter, sort } = step);
            pending = [];
            view.reset(serviceOrder(filter, sort), rows.values());
          }
        }
        flush();
      },
    ), { numRuns: 400 });
  });

  it('takes a big batch in one merge and small ones one by one, with the same result', () => {
    const make = (i: number, rv = '1'): ServiceRow => ({
      uid: `u${i}`, context: 'a', namespace: 'default', name: `svc-${(i * 7919) % 5000}`, resourceVersion: rv, alias: null, description: null,
      kind: 'virtual-ip', access: 'none', clusterIP: null, externalAddresses: [], externalName: null, loadBalancerPending: false,
      ports: [], selector: {}, labels: {}, createdAt: null, endpoints: null,
    });
    const rows = new Map<string, ServiceRow>();
    const order = serviceOrder({ query: '', type: 'all', contexts: [] }, { key: 'name', direction: 'asc' });
    const view = new SortedView(order);
    view.apply(applyBatch(rows, { context: 'a', upserted: Array.from({ length: 3000 }, (_, i) => make(i)), deleted: [] }));
    view.apply(applyBatch(rows, { context: 'a', upserted: Array.from({ length: 10 }, (_, i) => make(i * 3, '2')), deleted: ['u1', 'u2'] }));
    view.apply(applyBatch(rows, { context: 'a', upserted: Array.from({ length: 2000 }, (_, i) => make(i + 2000, '3')), deleted: [] }));
    expect(view.size).toBe(3998);
    expect(view.rows().map((r) => r.uid)).toEqual(reference(rows.values(), { query: '', type: 'all', contexts: [] }, { key: 'name', direction: 'asc' }).map((k) => k.slice(2)));
    // Many rows gone at once (taken out in one pass), with changes among them.
    view.apply(applyBatch(rows, { context: 'a', upserted: Array.from({ length: 50 }, (_, i) => make(i * 11, '4')), deleted: Array.from({ length: 100 }, (_, i) => `u${i * 37 + 5}`) }));
    expect(view.size).toBe(3898);
    expect(view.rows().map((r) => r.uid)).toEqual(reference(rows.values(), { query: '', type: 'all', contexts: [] }, { key: 'name', direction: 'asc' }).map((k) => k.slice(2)));
  });

  it('keeps the tie keys of rows it shows only: rows that leave or are replaced take theirs along', () => {
    const make = (context: string, i: number, rv = '1'): ServiceRow => ({
      uid: `u${i}`, context, namespace: 'default', name: `svc-${i}`, resourceVersion: rv, alias: null, description: null,
      kind: 'virtual-ip', access: 'none', clusterIP: null, externalAddresses: [], externalName: null, loadBalancerPending: false,
      ports: [], selector: {}, labels: {}, createdAt: null, endpoints: null,
    });
    const rows = new Map<string, ServiceRow>();
    const view = new SortedView(serviceOrder({ query: '', type: 'all', contexts: [] }, { key: 'name', direction: 'asc' }));
    // The same names in two clusters: every row ties with its twin on the name.
    for (const context of ['a', 'b']) view.apply(applyBatch(rows, { context, upserted: Array.from({ length: 500 }, (_, i) => make(context, i)), deleted: [] }));
    expect(view.cachedTieKeys).toBeGreaterThan(500);
    // New versions (in bulk and one by one), then one cluster's rows gone (in bulk and one by one).
    view.apply(applyBatch(rows, { context: 'a', upserted: Array.from({ length: 300 }, (_, i) => make('a', i, '2')), deleted: [] }));
    view.apply(applyBatch(rows, { context: 'b', upserted: [make('b', 7, '2')], deleted: ['u8'] }));
    expect(view.cachedTieKeys).toBeLessThanOrEqual(view.size);
    view.apply(applyBatch(rows, { context: 'b', upserted: [], deleted: Array.from({ length: 40 }, (_, i) => `u${i + 100}`) }));
    view.apply(applyBatch(rows, { context: 'b', upserted: [], deleted: Array.from({ length: 500 }, (_, i) => `u${i}`) }));
    expect(view.size).toBe(500);
    expect(view.cachedTieKeys).toBeLessThanOrEqual(view.size);
    view.apply(applyBatch(rows, { context: 'a', upserted: [], deleted: Array.from({ length: 500 }, (_, i) => `u${i}`) }));
    expect(view.cachedTieKeys).toBe(0);
  });

  it('takes new versions of shown rows (their counts filled in) in place or moves them, under any filter and sort', () => {
    fc.assert(fc.property(
      fc.array(batchArb, { minLength: 1, maxLength: 8 }), filterArb, sortArb, fc.array(fc.nat(), { maxLength: 60 }), fc.boolean(),
      (batches, filter, sort, picks, big) => {
        const rows = new Map<string, ServiceRow>();
        const view = new SortedView(serviceOrder(filter, sort));
        for (const b of batches) view.apply(applyBatch(rows, b));
        // New versions of rows already shown, only their endpoint counts changed (the join filling in):
        // most sort between their old neighbours (swapped in place), sorted by endpoints some move.
        const known = [...rows.values()];
        const changes: Array<RowChange<ServiceRow>> = [];
        for (const pick of known.length > 0 ? picks : []) {
          const old = rows.get(`${known[pick % known.length]!.context}/${known[pick % known.length]!.uid}`)!;
          const next = { ...old, resourceVersion: String(Number(old.resourceVersion) + 1), endpoints: { ready: (old.endpoints?.ready ?? 0) + 1, total: 3 } };
          rows.set(`${next.context}/${next.uid}`, next);
          changes.push({ before: old, after: next });
        }
        view.apply(big ? [...changes, ...Array.from({ length: 40 }, () => ({}))] : changes);
        expect(view.rows().map((r) => `${r.context}/${r.uid}/${r.resourceVersion}`))
          .toEqual(reference(rows.values(), filter, sort).map((k) => `${k}/${rows.get(k)!.resourceVersion}`));
      },
    ), { numRuns: 300 });
  });

  it('orders text as a numeric, case- and accent-insensitive collator does', () => {
    const words = ['svc-10', 'svc-9', 'Svc-1', 'svc-01a', 'émile', 'eve', 'a-1', 'a1', '10.96.0.10', '10.96.0.9'];
    const byKey = [...words].sort((a, b) => (naturalKey(a) < naturalKey(b) ? -1 : naturalKey(a) > naturalKey(b) ? 1 : 0));
    const byCollator = [...words].sort((a, b) => collator.compare(a, b));
    expect(byKey).toEqual(byCollator);
  });
});
