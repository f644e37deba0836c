import { describe, expect, it } from 'vitest';
import type { ServiceRow } from '../../../electron/api/types';
import { applyBatch } from '../../../renderer/src/model/row-batch';
import { age, matchesServiceQuery, portsText, rowKey, visibleRows } from '../../../renderer/src/model/service-rows';

function row(name: string, patch: Partial<ServiceRow> = {}): ServiceRow {
  return {
    uid: `uid-${name}`, context: 'a', namespace: 'default', name, resourceVersion: '10', alias: null, description: null,
    kind: 'virtual-ip', access: 'none', clusterIP: '10.96.0.10', externalAddresses: [], externalName: null, loadBalancerPending: false,
    ports: [{ name: 'http', protocol: 'TCP', port: 80, nodePort: null, targetPort: '8080' }],
    selector: { app: name }, labels: { app: name }, createdAt: '2026-11-25T00:00:00Z', endpoints: { ready: 1, total: 1 }, ...patch,
  };
}

describe('applyBatch', () => {
  it('adds, replaces and deletes rows per context', () => {
    const rows = new Map<string, ServiceRow>();
    expect(applyBatch(rows, { context: 'a', upserted: [row('web'), row('db')], deleted: [] })).toHaveLength(2);
    applyBatch(rows, { context: 'b', upserted: [row('web', { context: 'b' })], deleted: [] });
    expect(rows.size).toBe(3);
    applyBatch(rows, { context: 'a', upserted: [row('web', { resourceVersion: '11', alias: 'new' })], deleted: ['uid-db'] });
    expect(rows.get('a/uid-web')?.alias).toBe('new');
    expect(rows.has('a/uid-db')).toBe(false);
    expect(rows.has('b/uid-web')).toBe(true);
  });

  it('never lets an older resourceVersion replace a newer one (numeric, not text, order)', () => {
    const rows = new Map<string, ServiceRow>([[rowKey(row('web')), row('web', { resourceVersion: '100', alias: 'newest' })]]);
    expect(applyBatch(rows, { context: 'a', upserted: [row('web', { resourceVersion: '99', alias: 'stale' })], deleted: [] })).toEqual([]);
    expect(rows.get('a/uid-web')?.alias).toBe('newest');
    applyBatch(rows, { context: 'a', upserted: [row('web', { resourceVersion: '1000', alias: 'later' })], deleted: [] });
    expect(rows.get('a/uid-web')?.alias).toBe('later');
  });
});

describe('search, filters and sorting', () => {
  const rows = [
    row('web', { alias: '前端', labels: { tier: 'frontend' }, ports: [{ name: null, protocol: 'TCP', port: 443, nodePort: 30443, targetPort: 'https' }], access: 'node-port' }),
    row('db', { kind: 'headless-selector', clusterIP: 'None', selector: { app: 'postgres' } }),
    row('ext', { kind: 'headless-external-name', externalName: 'db.example.com', context: 'b', endpoints: null }),
    row('api', { clusterIP: '10.96.0.9', context: 'b' }),
  ];

  it('searches name, alias, labels, selector and ports', () => {
    expect(rows.filter((r) => matchesServiceQuery(r, '前端')).map((r) => r.name)).toEqual(['web']);
    expect(rows.filter((r) => matchesServiceQuery(r, 'tier=frontend')).map((r) => r.name)).toEqual(['web']);
    expect(rows.filter((r) => matchesServiceQuery(r, 'postgres')).map((r) => r.name)).toEqual(['db']);
    expect(rows.filter((r) => matchesServiceQuery(r, '30443')).map((r) => r.name)).toEqual(['web']);
  });

  it('filters by type and cluster', () => {
    const sort = { key: 'name' as const, direction: 'asc' as const };
    expect(visibleRows(rows, { query: '', type: 'node-port', contexts: [] }, sort).map((r) => r.name)).toEqual(['web']);
    expect(visibleRows(rows, { query: '', type: 'headless-selector', contexts: [] }, sort).map((r) => r.name)).toEqual(['db']);
    expect(visibleRows(rows, { query: '', type: 'all', contexts: ['b'] }, sort).map((r) => r.name)).toEqual(['api', 'ext']);
  });

  it('sorts by any column, IPs numerically, either direction', () => {
    const byIp = visibleRows(rows.filter((r) => r.kind === 'virtual-ip'), { query: '', type: 'all', contexts: [] }, { key: 'clusterIP', direction: 'asc' });
    expect(byIp.map((r) => r.clusterIP)).toEqual(['10.96.0.9', '10.96.0.10']);
    const desc = visibleRows(rows, { query: '', type: 'all', contexts: [] }, { key: 'name', direction: 'desc' });
    expect(desc.map((r) => r.name)).toEqual(['web', 'ext', 'db', 'api']);
  });

  it('prints ports as port:nodePort/protocol → targetPort, and ages as kubectl does', () => {
    expect(portsText(rows[0]!)).toBe('443:30443/TCP → https');
    const now = Date.parse('2026-11-25T00:00:00Z');
    expect(age('2026-11-24T23:59:30Z', now)).toBe('30s');
    expect(age('2026-11-24T22:01:00Z', now)).toBe('119m');
    expect(age('2026-11-24T22:00:00Z', now)).toBe('2h');
    expect(age('2026-11-22T00:00:00Z', now)).toBe('3d');
    expect(age(null, now)).toBe('');
  });
});
