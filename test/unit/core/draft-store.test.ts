import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftList } from '../../../electron/api/types';
import { DraftStore } from '../../../electron/core/drafts/draft-store';
import { draftVersion } from '../../../electron/core/drafts/draft-summary';

const WEB = `# the shop's front door
apiVersion: v1
kind: Service
metadata:
  name: web   # keep this comment
  annotations:
    kubesphere.io/alias-name: Front door
    team.example.com/owner: shop
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - port: 80
    targetPort: http
`;

const stores: DraftStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

async function openStore(stateDir = mkdtempSync(join(tmpdir(), 'portolan-drafts-')), folder: string | null = null): Promise<{ store: DraftStore; stateDir: string; dir: string }> {
  const store = new DraftStore({ stateDir, settleMs: 20 });
  stores.push(store);
  const list = await store.open(folder);
  return { store, stateDir, dir: list.folder };
}

function nextChange(store: DraftStore, until: (list: DraftList) => boolean): Promise<DraftList> {
  return new Promise((done) => {
    const stop = store.onChange((list) => {
      if (!until(list)) return;
      stop();
      done(list);
    });
  });
}

describe('DraftStore: drafts are files the user owns', () => {
  it('saves a new draft as <name>.yaml, byte for byte, with its notes kept outside the file', async () => {
    const { store, dir, stateDir } = await openStore();
    const saved = await store.save({ file: null, text: WEB, expectedVersion: null, targets: [{ context: 'prod', namespace: 'shop' }], validation: { problems: 0, first: null } });
    expect(saved).toMatchObject({ ok: true, draft: { file: 'web.yaml', name: 'web', alias: 'Front door', type: 'NodePort', namespace: null, problem: null } });
    expect(readFileSync(join(dir, 'web.yaml'), 'utf8')).toBe(WEB);
    expect(readdirSync(dir)).toEqual(['web.yaml']); // no temporary file left
    const listed = (await store.list()).drafts[0]!;
    expect(listed.targets).toEqual([{ context: 'prod', namespace: 'shop' }]);
    expect(listed.validation).toMatchObject({ problems: 0, first: null });
    expect(JSON.parse(readFileSync(join(stateDir, 'draft-notes.json'), 'utf8')).folders[dir]['web.yaml'].targets).toHaveLength(1);
    // A second Service of the same name gets a free name; one without a name is "untitled".
    expect(await store.save({ file: null, text: WEB, expectedVersion: null })).toMatchObject({ ok: true, draft: { file: 'web-2.yaml' } });
    expect(await store.save({ file: null, text: 'spec: [', expectedVersion: null })).toMatchObject({ ok: true, draft: { file: 'untitled.yaml', problem: { code: 'draft.notYaml' } } });
  });

  it('never overwrites a file changed elsewhere: the save says so, and "keep mine" saves over the new version', async () => {
    const { store, dir } = await openStore();
    const first = await store.save({ file: null, text: WEB, expectedVersion: null });
    if (!first.ok) throw new Error('not saved');
    const opened = await store.read('web.yaml');
    const theirs = WEB.replace('port: 80', 'port: 8080');
    const seen = nextChange(store, (list) => list.drafts.some((d) => d.version === draftVersion(theirs)));
    writeFileSync(join(dir, 'web.yaml'), theirs); // another editor
    expect((await seen).drafts.find((d) => d.file === 'web.yaml')?.version).toBe(draftVersion(theirs));
    const mine = WEB.replace('web   #', 'web2  #');
    const refused = await store.save({ file: 'web.yaml', text: mine, expectedVersion: opened.version });
    expect(refused).toEqual({ ok: false, reason: 'changed', current: { file: 'web.yaml', version: draftVersion(theirs), text: theirs } });
    expect(readFileSync(join(dir, 'web.yaml'), 'utf8')).toBe(theirs);
    if (refused.ok || !refused.current) throw new Error('expected a refusal with the current text');
    expect(await store.save({ file: 'web.yaml', text: mine, expectedVersion: refused.current.version })).toMatchObject({ ok: true });
    expect(readFileSync(join(dir, 'web.yaml'), 'utf8')).toBe(mine);
    // A new draft must not replace a file that appeared under its name meanwhile.
    expect(await store.save({ file: 'web.yaml', text: WEB, expectedVersion: null })).toMatchObject({ ok: false, reason: 'changed' });
  });

  it('lists corrupt and foreign files with their error and leaves them untouched', async () => {
    const { store, dir } = await openStore();
    const files: Record<string, string> = {
      'broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n',
      'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
      'two.yaml': `${WEB}---\n${WEB}`,
      'notes.json': '{"hello": "world"}',
      'README.md': '# not listed',
      '.web.yaml.abc123.tmp': 'half a dr', // a save killed midway
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const list = await nextChange(store, (l) => l.drafts.length === 4);
    const byFile = Object.fromEntries(list.drafts.map((d) => [d.file, d.problem?.code]));
    expect(byFile).toEqual({ 'broken.yaml': 'draft.notYaml', 'deploy.yaml': 'draft.notService', 'two.yaml': 'draft.manyDocuments', 'notes.json': 'draft.notService' });
    expect(list.drafts.find((d) => d.file === 'deploy.yaml')?.problem?.params.kind).toBe('apps/v1 Deployment');
    await store.save({ file: null, text: WEB, expectedVersion: null });
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
  });

  it('keeps the old draft or the new one, never half, when the saving process is killed midway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-crash-'));
    const a = `${WEB}# ${'a'.repeat(400_000)}\n`;
    const b = `${WEB}# ${'b'.repeat(300_000)}\n`;
    writeFileSync(join(dir, 'web.yaml'), a);
    const atomic = resolve('electron/core/state/atomic-write.ts');
    const script = `import { writeFileAtomic } from ${JSON.stringify(atomic)};
      const web = ${JSON.stringify(WEB)};
      const [a, b] = [web + '# ' + 'a'.repeat(400000) + '\\n', web + '# ' + 'b'.repeat(300000) + '\\n'];
      for (let i = 0; ; i++) await writeFileAtomic(${JSON.stringify(join(dir, 'web.yaml'))}, i % 2 ? a : b, 0o644);`;
    const seen = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 80 + round * 17));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const text = readFileSync(join(dir, 'web.yaml'), 'utf8');
      expect(text === a || text === b, `round ${round}: ${text.length} bytes`).toBe(true);
      seen.add(text === a ? 'a' : 'b');
    }
    // The kills did land mid-loop (both versions were seen), and leftovers are hidden from the list.
    expect(seen.size).toBe(2);
    const { store } = await openStore(mkdtempSync(join(tmpdir(), 'portolan-state-')), dir);
    expect((await store.list()).drafts.map((d) => d.file)).toEqual(['web.yaml']);
  }, 30_000);

  it('imports a multi-document file: each Service becomes a draft with its own bytes, other kinds are reported', async () => {
    const { store, dir } = await openStore();
    const api = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api # the backend\nspec:\n  ports:\n  - port: 8080\n';
    const text = `# rendered by helm\n---\n${WEB}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\n${api}---\n# only a comment\n...\n`;
    const result = await store.importText(text);
    expect(result.created.map((d) => d.file)).toEqual(['web.yaml', 'api.yaml']);
    expect(result.skipped).toEqual([{ index: 1, kind: 'Deployment', name: 'web', reason: 'not a Service' }]);
    expect(readFileSync(join(dir, 'web.yaml'), 'utf8')).toBe(WEB);
    expect(readFileSync(join(dir, 'api.yaml'), 'utf8')).toBe(api);
    // kubectl get -o yaml gives a List: its Services come without what the server set.
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: db, uid: u-1, resourceVersion: "9"}\n  spec: {clusterIP: 10.0.0.9, ports: [{port: 5432}]}\n  status: {loadBalancer: {}}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: cfg}\n';
    const fromList = await store.importText(list);
    expect(fromList.created.map((d) => d.file)).toEqual(['db.yaml']);
    expect(readFileSync(join(dir, 'db.yaml'), 'utf8')).toBe('apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports:\n    - port: 5432\n');
    expect(fromList.skipped).toMatchObject([{ kind: 'ConfigMap', name: 'cfg' }]);
  });

  it('moves the old JSON drafts into files once, keeping where they were meant to go', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'portolan-migrate-'));
    mkdirSync(join(stateDir, 'drafts'));
    const old = { id: '6f1c1d52-8f0e-4b7a-9c55-2f1f1e0b6a11', name: 'web', context: 'prod', namespace: 'shop', savedAt: '2026-01-01T00:00:00.000Z', manifest: WEB };
    writeFileSync(join(stateDir, 'drafts', `${old.id}.json`), JSON.stringify(old));
    const unrelated = '{"id": "x"}';
    writeFileSync(join(stateDir, 'drafts', '00000000-0000-4000-8000-000000000000.json'), unrelated);
    const { store, dir } = await openStore(stateDir);
    expect(readFileSync(join(dir, 'web.yaml'), 'utf8')).toBe(WEB);
    expect(readdirSync(dir).sort()).toEqual(['00000000-0000-4000-8000-000000000000.json', 'web.yaml']);
    expect((await store.list()).drafts.find((d) => d.file === 'web.yaml')?.targets).toEqual([{ context: 'prod', namespace: 'shop' }]);
    // Once: opening again changes nothing.
    const again = await openStore(stateDir);
    expect((await again.store.list()).drafts.map((d) => d.file)).toEqual(['00000000-0000-4000-8000-000000000000.json', 'web.yaml']);
  });

  it('renames, duplicates and deletes (to a trash folder) with the notes following the file', async () => {
    const { store, dir, stateDir } = await openStore();
    await store.save({ file: null, text: WEB, expectedVersion: null, targets: [{ context: 'a', namespace: 'x' }] });
    const renamed = await store.rename('web.yaml', 'front');
    expect(renamed).toMatchObject({ file: 'front.yaml', targets: [{ context: 'a', namespace: 'x' }] });
    await expect(store.rename('front.yaml', '../escape.yaml')).rejects.toThrow(/not a file name/);
    const copy = await store.duplicate('front.yaml');
    expect(copy).toMatchObject({ file: 'front-copy.yaml', targets: [{ context: 'a', namespace: 'x' }] });
    expect(readFileSync(join(dir, 'front-copy.yaml'), 'utf8')).toBe(WEB);
    await expect(store.rename('front-copy.yaml', 'front.yaml')).rejects.toThrow(/already exists/);
    const { trashedTo } = await store.remove('front.yaml');
    expect(trashedTo.startsWith(join(stateDir, 'draft-trash'))).toBe(true);
    expect(readFileSync(trashedTo, 'utf8')).toBe(WEB);
    expect((await store.list()).drafts.map((d) => d.file)).toEqual(['front-copy.yaml']);
  });

  it('follows another folder (a Git checkout): files that appear, change or vanish show up live', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'portolan-checkout-'));
    writeFileSync(join(checkout, 'svc.yml'), WEB);
    const { store } = await openStore(undefined, checkout);
    expect((await store.list())).toMatchObject({ folder: checkout, isDefault: false, drafts: [{ file: 'svc.yml', name: 'web' }] });
    const appeared = nextChange(store, (l) => l.drafts.length === 2);
    writeFileSync(join(checkout, 'other.yaml'), WEB.replace('name: web', 'name: other'));
    expect((await appeared).drafts.map((d) => d.name)).toEqual(['other', 'web']);
    const vanished = nextChange(store, (l) => l.drafts.length === 1);
    (await import('node:fs')).rmSync(join(checkout, 'svc.yml'));
    expect((await vanished).drafts.map((d) => d.file)).toEqual(['other.yaml']);
  });
});
