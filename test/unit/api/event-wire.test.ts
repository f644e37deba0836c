// Rows batches packed for the WebSocket and unpacked by the page: every row of every kind comes back
// as core built it (same values, same keys in the same order), on rows made by the real descriptors
// from real-world Service manifests (test/data/service-manifests, sources in SOURCES.tsv).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fromWire, packRowsBatch, toWire, unpackRowsBatch } from '../../../electron/api/event-wire';
import type { RowKind, RowOf, RowsBatch } from '../../../electron/api/types';
import { ROW_KINDS } from '../../../electron/core/services/row-kinds';
import type { KubeObject } from '../../../electron/core/watch/resource-ref';
import { CoreEvents } from '../../../electron/core/core-events';
import { SecretRedactor } from '../../../electron/core/secrets/secret-redactor';
import { mergeKubeconfigs } from '../../../electron/core/kubeconfig/merge-kubeconfigs';

const dir = join(__dirname, '../../data/service-manifests');

function withMeta(object: Record<string, unknown>, i: number): KubeObject {
  const metadata = (object.metadata ?? {}) as Record<string, unknown>;
  return { ...object, metadata: { namespace: 'default', ...metadata, uid: `uid-${i}`, resourceVersion: String(100 + i) } } as KubeObject;
}

const services: KubeObject[] = readdirSync(dir).filter((f) => /\.(yaml|json)$/.test(f))
  .flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJS() as Record<string, unknown>))
  .filter((o) => o?.kind === 'Service')
  .map(withMeta);

function batchOf<K extends RowKind>(kind: K, rows: Array<RowOf[K]>): RowsBatch<K> {
  return { clientId: 'page', subscriptionId: 's1', kind, context: 'prod-eu', namespace: null, upserted: rows, deleted: ['gone-1'] };
}

function rowsOf<K extends RowKind>(kind: K, objects: KubeObject[], joined: KubeObject[] | null = []): Array<RowOf[K]> {
  const descriptor = ROW_KINDS[kind];
  return objects.map((o, i) => descriptor.toRow('prod-eu', o, descriptor.sources[i % descriptor.sources.length]!, joined));
}

const workloads = [
  withMeta({ kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ ports: [{ containerPort: 8080, name: 'http' }] }] } } } }, 1),
  withMeta({ kind: 'StatefulSet', metadata: { name: 'db' }, spec: { selector: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } } }, 2),
];
const routes = [
  withMeta({ kind: 'Ingress', metadata: { name: 'in' }, spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example', http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }, 3),
  withMeta({ kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] } }, 4),
];

describe('packed rows batches', () => {
  it('has real-world Services to pack', () => {
    expect(services.length).toBeGreaterThanOrEqual(50);
  });

  it.each([
    ['services, endpoints unknown', batchOf('services', rowsOf('services', services, null))],
    ['services, endpoints known', batchOf('services', rowsOf('services', services, []))],
    ['workloads', batchOf('workloads', rowsOf('workloads', workloads))],
    ['routes (Ingress and HTTPRoute)', batchOf('routes', rowsOf('routes', routes))],
    ['deletions only', batchOf('services', [])],
  ] as const)('%s: unpacked, each row is what core built, key for key', (_name, batch) => {
    const sent = JSON.stringify(packRowsBatch(batch as RowsBatch));
    const back = unpackRowsBatch(JSON.parse(sent) as ReturnType<typeof packRowsBatch>);
    expect(back).toEqual(batch);
    expect(back.upserted.map((row) => Object.keys(row))).toEqual(batch.upserted.map((row) => Object.keys(row)));
  });

  it('sends each field name once and no row its context: the text is much smaller', () => {
    const batch = batchOf('services', rowsOf('services', services, []));
    const packed = JSON.stringify(packRowsBatch(batch));
    expect(packed.split('"clusterIP"')).toHaveLength(2);
    expect(packed.split('"prod-eu"')).toHaveLength(2);
    expect(packed.length).toBeLessThan(JSON.stringify(batch).length * 0.75);
  });

  it('leaves every other event as it is', () => {
    const status = { subscriptionId: 's1', phase: 'watching' };
    expect(toWire('watchStatus', status)).toBe(status);
    expect(fromWire('watchStatus', status)).toBe(status);
  });
});

describe('CoreEvents and the wire', () => {
  it("gives in-process listeners the batch and text transports its packed text, redacted in both", () => {
    const redactor = new SecretRedactor();
    redactor.setKubeconfig(mergeKubeconfigs([{ status: { path: '/k', origin: 'env', state: 'ok', problem: null }, doc: { users: [{ name: 'u', user: { token: 'planted-token-in-a-label' } }] } }]));
    const events = new CoreEvents(redactor);
    const seen: Array<{ payload: unknown; text: string }> = [];
    events.listen((_event, payload, _to, json) => seen.push({ payload, text: json() }));
    const clean = batchOf('services', rowsOf('services', services.slice(0, 3), []));
    events.emitTo('page', 'rows', clean);
    const leaky = batchOf('services', rowsOf('services', [withMeta({ kind: 'Service', metadata: { name: 'x', labels: { token: 'planted-token-in-a-label' } } }, 9)], []));
    events.emitTo('page', 'rows', leaky);

    expect(seen[0]!.payload).toBe(clean);
    expect(fromWire('rows', JSON.parse(seen[0]!.text))).toEqual(clean);
    expect(JSON.parse(seen[0]!.text)).toHaveProperty('fields');
    for (const { payload, text } of [seen[1]!]) {
      expect(JSON.stringify(payload)).not.toContain('planted-token-in-a-label');
      expect(text).not.toContain('planted-token-in-a-label');
      expect((payload as RowsBatch<'services'>).upserted[0]!.labels.token).toBe('[redacted]');
      expect((fromWire('rows', JSON.parse(text)) as RowsBatch<'services'>).upserted[0]!.labels.token).toBe('[redacted]');
    }
  });
});
