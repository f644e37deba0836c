// Portolan reads kubeconfig files as kubectl does: the same contexts, clusters, users, current context,
// resolved paths and refused files, checked against `kubectl config view` (the kubectl test/cluster
// builds) on client-go's loader_test scenarios, the differences once found by hand, and 300 seeded
// random situations. One difference is on purpose: kubectl refuses the whole load when one file is
// bad, Portolan refuses that file and keeps the others; so kubectl is asked again without the files
// it refused, and Portolan must refuse exactly those.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBinaries } from '../cluster/binaries';
import { FOUND_CASES, generatedCases, LOADER_TEST_CASES } from '../support/kubeconfig-cases';
import { viaKubectl, viaPortolan, type KubeconfigCase, type ReaderResult } from '../support/kubeconfig-differential';

const { kubectl } = ensureBinaries();
const GENERATED = 300;
const SEED = 1300;

async function both(c: KubeconfigCase): Promise<{ kubectl: ReaderResult; portolan: ReaderResult }> {
  const root = mkdtempSync(join(tmpdir(), 'portolan-kubeconfig-diff-'));
  return { kubectl: viaKubectl(kubectl, c, root), portolan: await viaPortolan(c, root) };
}

function difference(c: KubeconfigCase, r: { kubectl: ReaderResult; portolan: ReaderResult }): string | null {
  const parts: string[] = [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  for (const key of ['clusters', 'users', 'contexts', 'currentContext'] as const) {
    const k = r.kubectl.view[key];
    const p = r.portolan.view[key];
    const sorted = (v: unknown): unknown => (typeof v === 'object' && v ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v);
    if (!same(sorted(k), sorted(p))) parts.push(`${key}: kubectl ${JSON.stringify(k)} / portolan ${JSON.stringify(p)}`);
  }
  if (!same([...r.kubectl.refused].sort(), [...r.portolan.refused].sort())) parts.push(`refused: kubectl ${JSON.stringify(r.kubectl.refused)} / portolan ${JSON.stringify(r.portolan.refused)}`);
  if (r.kubectl.resolved && !same(r.kubectl.resolved, Object.fromEntries(Object.entries(r.portolan.resolved ?? {}).sort()))) {
    const k = Object.fromEntries(Object.entries(r.kubectl.resolved).sort());
    if (!same(k, Object.fromEntries(Object.entries(r.portolan.resolved ?? {}).sort()))) parts.push(`resolved files: kubectl ${JSON.stringify(k)} / portolan ${JSON.stringify(r.portolan.resolved)}`);
  }
  return parts.length ? `${c.name}:\n  ${parts.join('\n  ')}` : null;
}

describe.each([
  ['client-go loader_test.go scenarios', LOADER_TEST_CASES],
  ['differences found by hand', FOUND_CASES],
])('%s', (_, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expect(difference(c, await both(c))).toBeNull();
  });
});

it(`agrees with kubectl on ${GENERATED} seeded random situations (seeds ${SEED}-${SEED + GENERATED - 1})`, async () => {
  const differences: string[] = [];
  let refusedFiles = 0;
  for (const c of generatedCases(GENERATED, SEED)) {
    const result = await both(c);
    refusedFiles += result.kubectl.refused.length;
    const diff = difference(c, result);
    if (diff) differences.push(`${diff}\n  files: ${JSON.stringify(c.files)}\n  KUBECONFIG: ${JSON.stringify(c.kubeconfig)}`);
  }
  expect(differences.slice(0, 5).join('\n\n'), `${differences.length} of ${GENERATED} differ`).toBe('');
  // The generator must exercise refusals too, or half the rules go untested.
  expect(refusedFiles).toBeGreaterThan(GENERATED / 10);
}, 240_000);
