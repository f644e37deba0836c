// One draft applied to many clusters: two real ones, an unreachable one, one that never answers, a
// context that cannot be used, and a namespace RBAC forbids. Each target gets its own result, the slow
// one holds up nobody, re-applying says "unchanged", and another field manager's field is a conflict
// until forced. The live lists of both clusters show the Service through their watches.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetApplyResult } from '../../electron/api/types';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { scenarioKubeconfig } from '../cluster/kubeconfig-scenarios';
import { RowCollector } from '../support/row-collector';
import { eventually, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [a, b] = set.clusters;
let core: PortolanCore;
let namespace: string;
let silent: Server;
const sockets: Socket[] = [];

const DRAFT = `# drafted offline; applied everywhere
apiVersion: v1
kind: Service
metadata:
  name: shop-web
  labels: {app: shop-web}
spec:
  selector: {app: shop-web}
  ports:
  - name: http
    port: 80
    targetPort: 8080
`;

beforeAll(async () => {
  // A server that takes the connection and never answers: the slowest target there is.
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const { port } = silent.address() as { port: number };
  const scenario = await scenarioKubeconfig(a!, b!);
  const kubeconfig = scenario.kubeconfig as { clusters: unknown[]; contexts: unknown[] };
  kubeconfig.clusters.push({ name: 'silent', cluster: { server: `https://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true } });
  kubeconfig.contexts.push({ name: 'silent', context: { cluster: 'silent', user: 'admin-a' } });
  const dir = mkdtempSync(join(tmpdir(), 'portolan-draft-apply-'));
  writeFileSync(join(dir, 'kubeconfig'), JSON.stringify(kubeconfig));
  core = createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: join(dir, 'kubeconfig'), origin: 'env' }], stateDir: join(dir, 'state') });
  await core.ready;
  namespace = uniqueNamespace('drafts');
  await Promise.all([a!.kubectl(['create', 'namespace', namespace]), b!.kubectl(['create', 'namespace', namespace])]);
});
afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  silent.close();
  await core.dispose();
});

async function applyEverywhere(file: string, version: string, dryRun: boolean, targets: Array<[string, string]>, force = false): Promise<Record<string, { result: TargetApplyResult; ms: number }>> {
  const started = performance.now();
  const results = await Promise.all(targets.map(async ([context, ns]) => {
    const result = await core.handlers.applyDraft({ file, version, context, namespace: ns, dryRun, force });
    return [context, { result, ms: performance.now() - started }] as const;
  }));
  return Object.fromEntries(results);
}

describe('applying one draft to many clusters', () => {
  let file: string;
  let version: string;
  const targets = (): Array<[string, string]> => [
    ['portolan-a', namespace], ['portolan-b', namespace], ['unreachable', namespace], ['silent', namespace], ['dangling', namespace], ['restricted', 'default'],
  ];

  it('shows per target what a dry run would do, and what fails where', async () => {
    const saved = await core.handlers.saveDraft({ file: null, text: DRAFT, expectedVersion: null, targets: targets().map(([context, ns]) => ({ context, namespace: ns })) });
    if (!saved.ok) throw new Error('draft not saved');
    ({ file, version } = saved.draft);
    const dry = await applyEverywhere(file, version, true, targets());
    for (const context of ['portolan-a', 'portolan-b']) {
      expect(dry[context]!.result, context).toMatchObject({ ok: true, outcome: 'created', dryRun: true, live: null });
      const result = (dry[context]!.result as unknown as { result: { metadata: { namespace: string; labels: unknown } } }).result;
      expect(result.metadata).toMatchObject({ namespace, labels: { app: 'shop-web' } });
    }
    expect(dry.unreachable!.result).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(dry.silent!.result).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(dry.dangling!.result).toMatchObject({ ok: false, reason: 'unreachable', explanation: { code: 'context.unknownCluster' } });
    expect(dry.restricted!.result).toMatchObject({ ok: false, reason: 'forbidden' });
    console.log(`[draft apply] dry run per target (ms): ${Object.entries(dry).map(([c, r]) => `${c} ${Math.round(r.ms)}`).join(', ')}`);
    // The silent server held up only itself: the real clusters answered long before its timeout.
    expect(dry['portolan-a']!.ms).toBeLessThan(dry.silent!.ms / 3);
    expect(dry['portolan-b']!.ms).toBeLessThan(dry.silent!.ms / 3);
    // Nothing was made by the dry run.
    await expect(a!.kubectl(['get', 'service', 'shop-web', '-n', namespace])).rejects.toThrow(/NotFound/);
  }, 60_000);

  it('applies for real as field manager "portolan", one result per target, kept with the draft', async () => {
    const applied = await applyEverywhere(file, version, false, targets());
    console.log(`[draft apply] apply per target (ms): ${Object.entries(applied).map(([c, r]) => `${c} ${Math.round(r.ms)}`).join(', ')}`);
    expect(applied['portolan-a']!.result).toMatchObject({ ok: true, outcome: 'created', dryRun: false });
    expect(applied['portolan-b']!.result).toMatchObject({ ok: true, outcome: 'created' });
    expect(applied.restricted!.result).toMatchObject({ ok: false, reason: 'forbidden' });
    for (const cluster of [a!, b!]) {
      const live = JSON.parse(await cluster.kubectl(['get', 'service', 'shop-web', '-n', namespace, '-o', 'json', '--show-managed-fields']));
      expect(live.spec.ports).toMatchObject([{ name: 'http', port: 80, targetPort: 8080 }]);
      expect(live.metadata.managedFields.map((f: { manager: string; operation: string }) => `${f.manager}/${f.operation}`)).toEqual(['portolan/Apply']);
    }
    const listed = (await core.handlers.listDrafts(undefined)).drafts.find((d) => d.file === file)!;
    const outcomes = Object.fromEntries(listed.applied.map((r) => [r.context, `${r.outcome}${r.dryRun ? ' (dry run)' : ''}`]));
    expect(outcomes).toEqual({
      'portolan-a': 'created', 'portolan-b': 'created', unreachable: 'unreachable', silent: 'unreachable', dangling: 'unreachable', restricted: 'forbidden',
    });
    expect(listed.applied.find((r) => r.context === 'restricted')?.message).toMatch(/forbidden/i);
  }, 60_000);

  it('says "unchanged" everywhere when the same draft is applied again, and writes nothing', async () => {
    const before = await Promise.all([a!, b!].map((c) => c.kubectl(['get', 'service', 'shop-web', '-n', namespace, '-o', 'jsonpath={.metadata.resourceVersion}'])));
    const two: Array<[string, string]> = [['portolan-a', namespace], ['portolan-b', namespace]];
    const dry = await applyEverywhere(file, version, true, two);
    const again = await applyEverywhere(file, version, false, two);
    for (const context of ['portolan-a', 'portolan-b']) {
      expect(dry[context]!.result, context).toMatchObject({ ok: true, outcome: 'unchanged' });
      expect(again[context]!.result, context).toMatchObject({ ok: true, outcome: 'unchanged' });
    }
    const after = await Promise.all([a!, b!].map((c) => c.kubectl(['get', 'service', 'shop-web', '-n', namespace, '-o', 'jsonpath={.metadata.resourceVersion}'])));
    expect(after).toEqual(before);
  }, 60_000);

  it('lists a field another manager owns as a conflict on that target only, and takes it over when forced', async () => {
    await b!.kubectl(['apply', '--server-side', '--field-manager=ops-team', '--force-conflicts', '-f', '-'], DRAFT.replace('targetPort: 8080', 'targetPort: 9090').replace('metadata:', `metadata:\n  namespace: ${namespace}`));
    const edited = DRAFT.replace('targetPort: 8080', 'targetPort: 8081');
    const saved = await core.handlers.saveDraft({ file, text: edited, expectedVersion: version });
    if (!saved.ok) throw new Error('draft not saved');
    version = saved.draft.version;
    const two: Array<[string, string]> = [['portolan-a', namespace], ['portolan-b', namespace]];
    const results = await applyEverywhere(file, version, false, two);
    expect(results['portolan-a']!.result).toMatchObject({ ok: true, outcome: 'updated' });
    const conflict = results['portolan-b']!.result;
    expect(conflict).toMatchObject({ ok: false, reason: 'conflict' });
    if (!conflict.ok) expect(conflict.problems).toEqual([expect.objectContaining({ field: expect.stringContaining('.targetPort'), message: expect.stringMatching(/ops-team/) })]);
    expect(JSON.parse(await b!.kubectl(['get', 'service', 'shop-web', '-n', namespace, '-o', 'json'])).spec.ports[0].targetPort).toBe(9090);
    const forced = await core.handlers.applyDraft({ file, version, context: 'portolan-b', namespace, dryRun: false, force: true });
    expect(forced).toMatchObject({ ok: true, outcome: 'updated' });
    expect(JSON.parse(await b!.kubectl(['get', 'service', 'shop-web', '-n', namespace, '-o', 'json'])).spec.ports[0].targetPort).toBe(8081);
    // A draft that changed on disk since the user looked is not applied.
    writeFileSync(join((await core.handlers.listDrafts(undefined)).folder, file), edited.replace('8081', '8082'));
    expect(await core.handlers.applyDraft({ file, version, context: 'portolan-a', namespace, dryRun: false, force: false })).toMatchObject({ ok: false, reason: 'changed' });
  }, 60_000);

  it('shows the applied Service in both clusters\' live lists', async () => {
    const ids: Record<string, string | null> = { 'portolan-a': null, 'portolan-b': null };
    const collectors = Object.keys(ids).map((context) => new RowCollector(core, () => ids[context] ?? null));
    try {
      for (const context of Object.keys(ids)) {
        await core.handlers.connect({ context });
        ids[context] = (await core.handlers.watchRows({ clientId: 'draft-apply-test', kind: 'services', context, namespace })).subscriptionId;
      }
      for (const rows of collectors) await eventually('shop-web listed', async () => (rows.byName('shop-web', namespace) ? true : undefined));
    } finally {
      collectors.forEach((c) => c.close());
    }
  }, 60_000);
});
