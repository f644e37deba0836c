// The wizard's local rules against a real API server, by real creates (a dry run skips the
// allocators: it accepts node ports a real create refuses). Each case of test/support/service-cases.ts,
// then random combinations of them: any disagreement between the rules and the server fails, except
// where the case says only the cluster can decide (then the rules must have said so).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import schema from '../../renderer/src/editor/service.schema.json';
import type { PortolanCore } from '../../electron/core/portolan-core';
import type { Schema } from '../../renderer/src/model/schema-check';
import { validateServiceManifest } from '../../renderer/src/model/service-manifest-rules';
import { seededRandom } from '../support/seeded-random';
import { baseService, SERVICE_CASES, type ServiceCase } from '../support/service-cases';
import { connectedCore, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [a] = set.clusters;
let core: PortolanCore;
let namespace: string;
let serverVersion: string | null;
let count = 0;

beforeAll(async () => {
  core = await connectedCore(set.kubeconfig, 'portolan-a');
  namespace = uniqueNamespace('rules');
  await a!.kubectl(['create', 'namespace', namespace]);
  serverVersion = (await core.handlers.connectionStatuses(undefined)).find((s) => s.context === 'portolan-a')!.serverVersion;
});
afterAll(async () => {
  await a!.kubectl(['delete', 'namespace', namespace, '--wait=false']).catch(() => undefined);
  await core.dispose();
});

interface Verdict { local: 'accepts' | 'refuses' | 'cluster decides'; server: 'accepts' | 'refuses'; detail: string }

async function judge(cases: ServiceCase[]): Promise<Verdict> {
  count += 1;
  const service = baseService(`r${count}-${Date.now().toString(36)}`);
  for (const c of cases) c.change(service);
  const problems = validateServiceManifest(service, { serverVersion, schema: schema as Schema });
  const local = problems.some((p) => !p.clusterDecides) ? 'refuses' : problems.length ? 'cluster decides' : 'accepts';
  const result = await core.handlers.createService({ context: 'portolan-a', namespace, manifest: JSON.stringify(service), dryRun: false });
  const detail = `local: ${JSON.stringify(problems)}; server: ${result.ok ? 'created' : JSON.stringify(result.problems.length ? result.problems : result.explanation)}`;
  return { local, server: result.ok ? 'accepts' : 'refuses', detail };
}

describe('local rules agree with a real API server', () => {
  it('has a server version to follow', () => {
    expect(serverVersion).toMatch(/^v1\.\d+/);
  });

  for (const c of SERVICE_CASES) {
    it(`${c.name}: ${c.cluster ? `the rules leave it to the cluster (${c.cluster})` : `both ${c.accepts ? 'accept' : 'refuse'}`}`, async () => {
      const verdict = await judge([c]);
      if (c.cluster) expect(verdict.local, verdict.detail).toBe('cluster decides');
      else expect(verdict.local === 'refuses', verdict.detail).toBe(verdict.server === 'refuses');
      if (!c.cluster) expect(verdict.server, verdict.detail).toBe(c.accepts ? 'accepts' : 'refuses');
    });
  }

  it('agree on 40 random combinations of two or three changes', async () => {
    const random = seededRandom(1137);
    const combinable = SERVICE_CASES.filter((c) => !c.alone && !c.cluster);
    const disagreements: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const picked = new Set<ServiceCase>();
      const size = 2 + Math.floor(random() * 2);
      while (picked.size < size) picked.add(combinable[Math.floor(random() * combinable.length)]!);
      const cases = [...picked];
      const verdict = await judge(cases);
      if ((verdict.local === 'refuses') !== (verdict.server === 'refuses')) disagreements.push(`${cases.map((c) => c.name).join(' + ')}: ${verdict.detail}`);
    }
    expect(disagreements).toEqual([]);
  }, 120_000);
});
