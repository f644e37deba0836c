// Kubeconfig files followed on disk: contexts added and removed show up within 2 s, and a file caught
// half-written never drops the contexts it had (a truncating, non-atomic rewrite in two slow halves).
import { mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ContextList } from '../../electron/api/types';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';

const contextsOf = (names: string[]): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: names.map((n) => ({ name: n, cluster: { server: `https://${n}.example:6443` } })),
  users: names.map((n) => ({ name: n, user: { token: `token-${n}` } })),
  contexts: names.map((n) => ({ name: n, context: { cluster: n, user: n } })),
});

let core: PortolanCore | null = null;
afterEach(async () => {
  await core?.dispose();
  core = null;
});

/** Starts core on `files` and waits until it has read them (later writes are then changes). */
async function start(files: string[], stateDir: string | null = null): Promise<PortolanCore> {
  core = createPortolanCore({ transport: 'browser', kubeconfigPaths: files.map((path) => ({ path, origin: 'env' })), stateDir });
  await core.ready;
  return core;
}

function record(c: PortolanCore): ContextList[] {
  const seen: ContextList[] = [];
  c.events.listen((event, payload) => {
    if (event === 'contextsChanged') seen.push(payload as ContextList);
  });
  return seen;
}

async function until(what: string, check: () => Promise<boolean>, ms: number): Promise<number> {
  const began = Date.now();
  while (!(await check())) {
    if (Date.now() - began > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - began;
}

const names = async (c: PortolanCore): Promise<string[]> => (await c.handlers.listContexts(undefined)).contexts.map((x) => x.name);

describe('kubeconfig files on disk', () => {
  it('shows a context added to a file and one removed from it within 2 seconds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-kc-'));
    const file = join(dir, 'config');
    writeFileSync(file, stringify(contextsOf(['one'])));
    const c = await start([file]);
    expect(await names(c)).toEqual(['one']);

    writeFileSync(file, stringify(contextsOf(['one', 'two'])));
    const added = await until('context two appears', async () => (await names(c)).includes('two'), 2000);
    writeFileSync(file, stringify(contextsOf(['two'])));
    const removed = await until('context one disappears', async () => !(await names(c)).includes('one'), 2000);
    console.log(`[kubeconfig-watch] added seen after ${added} ms, removed after ${removed} ms`);
  });

  it('keeps every context while a file is rewritten in place, slowly, and then shows the new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-kc-'));
    const file = join(dir, 'config');
    const before = ['alpha', 'beta', 'gamma', 'delta'];
    writeFileSync(file, stringify(contextsOf(before)));
    const c = await start([file]);
    const seen = record(c);

    const next = stringify(contextsOf([...before, 'epsilon']));
    const fd = openSync(file, 'w'); // truncates: the file is empty now
    await new Promise((r) => setTimeout(r, 400));
    // Cut inside the contexts list: the prefix is valid YAML that lacks some contexts.
    const cut = next.indexOf('- name: gamma', next.indexOf('contexts:'));
    writeSync(fd, next.slice(0, cut));
    await new Promise((r) => setTimeout(r, 400));
    writeSync(fd, next.slice(cut));
    closeSync(fd);

    await until('epsilon appears', async () => (await names(c)).includes('epsilon'), 3000);
    for (const list of seen) {
      expect(list.contexts.map((x) => x.name)).toEqual(expect.arrayContaining(before));
    }
  });

  it('keeps the last good contexts of a file that turns invalid, and says so on the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-kc-'));
    const file = join(dir, 'config');
    writeFileSync(file, stringify(contextsOf(['kept'])));
    const c = await start([file]);
    writeFileSync(file, 'contexts: [ {name: broken');
    await until('file marked invalid', async () => (await c.handlers.listContexts(undefined)).files[0]?.state === 'invalid', 2000);
    const list = await c.handlers.listContexts(undefined);
    expect(list.contexts.map((x) => x.name)).toEqual(['kept']);
    expect(list.files[0]?.problem).toMatchObject({ code: 'file.notYamlKept', params: { path: file } });
  });

  it('reads a file that appears later, and drops the contexts of a file that is deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-kc-'));
    const first = join(dir, 'first');
    const later = join(dir, 'later');
    writeFileSync(first, stringify(contextsOf(['a'])));
    const c = await start([first, later]);
    expect((await c.handlers.listContexts(undefined)).files.map((f) => f.state)).toEqual(['ok', 'missing']);
    writeFileSync(later, stringify(contextsOf(['b'])));
    await until('b appears', async () => (await names(c)).includes('b'), 2000);
    rmSync(first);
    await until('a disappears', async () => !(await names(c)).includes('a'), 2500);
    expect((await c.handlers.listContexts(undefined)).files[0]?.state).toBe('missing');
  });

  it('remembers files added in the app across restarts, and keeps KUBECONFIG files out of reach', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-kc-'));
    const envFile = join(dir, 'env');
    const added = join(dir, 'added');
    const stateDir = join(dir, 'state');
    writeFileSync(envFile, stringify(contextsOf(['from-env'])));
    writeFileSync(added, stringify(contextsOf(['from-app', 'from-env'])));
    let c = await start([envFile], stateDir);
    const list = await c.handlers.addKubeconfigFile({ path: added });
    expect(list.contexts.map((x) => [x.name, x.source])).toEqual([['from-env', envFile], ['from-app', added]]);
    expect(list.files.map((f) => f.origin)).toEqual(['env', 'added']);
    await expect(c.handlers.removeKubeconfigFile({ path: envFile })).rejects.toThrow(/not added in Portolan/);
    await c.dispose();

    c = await start([envFile], stateDir);
    expect(await names(c)).toEqual(['from-env', 'from-app']);
    expect((await c.handlers.removeKubeconfigFile({ path: added })).contexts.map((x) => x.name)).toEqual(['from-env']);
    await expect(c.handlers.addKubeconfigFile({ path: 'relative/file' })).rejects.toThrow(/not an absolute path/);
  });

  it('remembers only existing regular files, and starts whatever an old state file holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-kc-'));
    const envFile = join(dir, 'env');
    const stateDir = join(dir, 'state');
    writeFileSync(envFile, stringify(contextsOf(['from-env'])));
    let c = await start([envFile], stateDir);
    await expect(c.handlers.addKubeconfigFile({ path: `${dir}/with\0nul` })).rejects.toThrow(/NUL/);
    await expect(c.handlers.addKubeconfigFile({ path: join(dir, 'never-existed') })).rejects.toThrow(/there is no file at/);
    await expect(c.handlers.addKubeconfigFile({ path: dir })).rejects.toThrow(/not a regular file/);
    expect((await c.handlers.listContexts(undefined)).files.map((f) => f.path)).toEqual([envFile]);
    await c.dispose();
    // A state file written by an older Portolan, before these checks: it must never stop the start.
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, 'portolan-state.json'), JSON.stringify({
      kubeconfigFiles: [`${dir}/with\0nul`, dir], ui: { pinned: [], selected: [], namespaces: {}, groupBy: 'file' },
    }));
    c = await start([envFile], stateDir);
    const list = await c.handlers.listContexts(undefined);
    expect(list.contexts.map((x) => x.name)).toEqual(['from-env']);
    expect(list.files.map((f) => [f.state, f.problem?.code])).toEqual([['ok', undefined], ['invalid', 'file.unreadable'], ['invalid', 'file.notAFile']]);
    await c.dispose();
  });
});
