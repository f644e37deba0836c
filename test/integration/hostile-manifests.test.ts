// Hostile manifests through every method that reads one (createService, applyService, saveDraft), no
// cluster needed: each gets a clear answer, the process survives, and its event loop never stalls
// past the bound while they are read (the parse worker takes the big ones). Before: 30,000 keys held
// the main process 7 s (the yaml package's duplicate-key check is quadratic), a million `[` 3.7 s.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { useParseWorker } from '../../electron/core/parse-worker/off-thread';

const MAX = 1024 * 1024;
const head = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: hostile\n';
const hostile: Record<string, string> = {
  '30,000 keys in one map': `${head}  labels:\n${Array.from({ length: 30_000 }, (_, i) => `    k${i}: v\n`).join('')}`.slice(0, MAX),
  'a key twice': `${head}  name: twice\nspec:\n  ports: [{port: 80}]\n`,
  '100,000 aliases': `a: &a [x]\nb: [${Array(100_000).fill('*a').join(',')}]\n`.slice(0, MAX),
  'a billion laughs': `a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n`,
  'a million [': '['.repeat(MAX),
  'deep {': '{a: '.repeat(200_000).slice(0, MAX),
  'deep indentation': `${head}spec:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:\n`).join('')}`.slice(0, MAX),
  'one long line': `${head}spec: {x: "${'y'.repeat(MAX - 100)}"}\n`,
  'binary junk': Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
  'many documents': `${head}---\n`.repeat(20_000).slice(0, MAX),
  'quotes never closed': `${head}spec: "${'\\"'.repeat(300_000)}`.slice(0, MAX),
  'null bytes': `${head}\u0000`.repeat(30_000).slice(0, MAX),
};

let core: PortolanCore;
beforeAll(async () => {
  useParseWorker(new URL('../../electron/core/parse-worker/parse-worker.ts', import.meta.url));
  core = createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: '/nonexistent/kubeconfig', origin: 'env' }], stateDir: mkdtempSync(join(tmpdir(), 'portolan-hostile-')) });
  await core.ready;
});
afterAll(() => core.dispose());

it('reads every hostile manifest through every method within bounds, and answers each in words', async () => {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const answers: Record<string, unknown> = {};
  for (const [name, manifest] of Object.entries(hostile)) {
    expect(manifest.length, name).toBeLessThanOrEqual(MAX);
    const where = { context: 'none', namespace: 'default' };
    const created = await core.handlers.createService({ ...where, manifest, dryRun: true });
    const applied = await core.handlers.applyService({ ...where, name: 'hostile', manifest, force: false });
    const draft = await core.handlers.saveDraft({ file: null, text: manifest, expectedVersion: null });
    answers[name] = created;
    expect(created, name).toMatchObject({ ok: false });
    expect(applied, name).toMatchObject({ ok: false });
    // A draft keeps even text that is no Service yet: saved as written, listed with its problem.
    expect(draft, name).toMatchObject({ ok: true, draft: { file: expect.stringMatching(/\.yaml$/) } });
  }
  delay.disable();
  const worstMs = delay.max / 1e6;
  console.log(`[hostile manifests] ${Object.keys(hostile).length} manifests × 3 methods; longest event-loop stall ${Math.round(worstMs)} ms`);
  // Each is refused in words: as text that is no Service, or (30,000 labels parse) for want of a cluster.
  for (const [name, answer] of Object.entries(answers)) {
    expect(JSON.stringify(answer), name).toMatch(/"code":"(manifest\.notYaml|manifest\.notService|server\.said)"/);
  }
  expect(JSON.stringify(answers['a key twice'])).toContain('the key \\"name\\" appears twice');
  expect(JSON.stringify(answers['a million ['])).toContain('nest deeper than 64 levels');
  // Measured here: under 60 ms; the bound leaves room for a busy CI machine.
  expect(worstMs).toBeLessThan(150);
}, 240_000);
