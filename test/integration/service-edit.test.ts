// Editing a live Service against a real API server, with `kubectl edit` as the reference: the same
// change made in Portolan and by kubectl edit (through KUBE_EDITOR) on twin Services ends the same;
// no change sends nothing and takes no field ownership; a Service changed meanwhile comes back as a
// conflict with what changed, rebased, and can be overwritten on purpose.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { withoutServerFields } from '../../electron/api/server-fields';
import type { PortolanCore } from '../../electron/core/portolan-core';
import { connectedCore, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const [a] = set.clusters;
let core: PortolanCore;
let namespace: string;
const editorDir = mkdtempSync(join(tmpdir(), 'portolan-edit-'));
const editor = join(editorDir, 'editor.sh');

type Service = { metadata: { resourceVersion: string; labels?: Record<string, string>; managedFields?: Array<{ manager: string; operation: string; fieldsV1: unknown }> }; spec: Record<string, unknown> };

beforeAll(async () => {
  core = await connectedCore(set.kubeconfig, 'portolan-a');
  namespace = uniqueNamespace('edit');
  await a!.kubectl(['create', 'namespace', namespace]);
  // kubectl edit runs "$KUBE_EDITOR <file>": this editor replaces the file with the text prepared for it.
  writeFileSync(editor, '#!/bin/sh\ncp "$EDITED_TEXT" "$1"\n');
  chmodSync(editor, 0o755);
});
afterAll(() => core.dispose());

const get = async (name: string): Promise<Service> => JSON.parse(await a!.kubectl(['get', 'service', name, '-n', namespace, '-o', 'json', '--show-managed-fields'])) as Service;
/** Labels and spec, with the twin's own name and its allocated cluster IPs left out. */
const comparable = (s: Service, name: string): unknown => {
  const spec = { ...s.spec };
  delete spec.clusterIP;
  delete spec.clusterIPs;
  return JSON.parse(JSON.stringify({ labels: s.metadata.labels, spec }).replaceAll(name, 'NAME')) as unknown;
};

/** Makes twin Services the way kubectl users make them: `kubectl create service` (ports named 80-8080). */
async function twins(name: string): Promise<[string, string]> {
  for (const n of [`${name}-p`, `${name}-k`]) {
    await a!.kubectl(['create', 'service', 'clusterip', n, '--tcp=80:8080', '-n', namespace]);
    await a!.kubectl(['label', 'service', n, 'tier=fe', 'team=shop', '-n', namespace]);
  }
  return [`${name}-p`, `${name}-k`];
}

/** The edit Portolan's detail view makes: the text opened (without server-set fields), changed. */
async function portolanEdit(name: string, change: (text: string) => string, overwrite = false) {
  const live = await get(name);
  const original = stringify(withoutServerFields(live));
  return core.handlers.editService({ context: 'portolan-a', namespace, name, original, edited: change(original), resourceVersion: live.metadata.resourceVersion, overwrite });
}

/** The same change made with `kubectl edit` on kubectl's own text. */
async function kubectlEdit(name: string, change: (text: string) => string): Promise<void> {
  const shown = await a!.kubectl(['get', 'service', name, '-n', namespace, '-o', 'yaml']);
  const file = join(editorDir, `${name}.yaml`);
  writeFileSync(file, change(`${shown}\n`));
  await a!.kubectl(['edit', 'service', name, '-n', namespace], undefined, { KUBE_EDITOR: editor, EDITED_TEXT: file });
}

describe('editService, side by side with kubectl edit', () => {
  it('deleting a label line removes the label', async () => {
    const [p, k] = await twins('label');
    const drop = (text: string): string => text.replace(/^ +tier: fe\n/m, '');
    expect(await portolanEdit(p, drop)).toMatchObject({ ok: true, outcome: 'updated' });
    await kubectlEdit(k, drop);
    const [mine, theirs] = [await get(p), await get(k)];
    expect(mine.metadata.labels).toEqual({ app: p, team: 'shop' });
    expect(comparable(mine, p)).toEqual(comparable(theirs, k));
  });

  it('changing port 80 to 81 on a Service made with kubectl works (its port is named 80-8080)', async () => {
    const [p, k] = await twins('port');
    const port = (text: string): string => text.replace(/port: 80\n/, 'port: 81\n');
    expect(await portolanEdit(p, port)).toMatchObject({ ok: true, outcome: 'updated' });
    await kubectlEdit(k, port);
    const [mine, theirs] = [await get(p), await get(k)];
    expect((mine.spec.ports as Array<{ port: number; name: string }>)[0]).toMatchObject({ port: 81, name: '80-8080' });
    expect(mine.spec.ports).toEqual(theirs.spec.ports);
  });

  it('an unchanged text sends nothing and takes no field ownership', async () => {
    const [p] = await twins('same');
    const before = await get(p);
    expect(await portolanEdit(p, (text) => text)).toEqual({ ok: true, outcome: 'unchanged' });
    const after = await get(p);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(after.metadata.managedFields?.map((m) => m.manager)).not.toContain('portolan');
  });

  it('an edit owns only the fields it changed (an Update, not a server-side apply of everything)', async () => {
    const [p] = await twins('owner');
    await portolanEdit(p, (text) => text.replace(/team: shop/, 'team: cart'));
    const entry = (await get(p)).metadata.managedFields?.find((m) => m.manager === 'portolan');
    expect(entry?.operation).toBe('Update');
    expect(entry?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:team': {} } } });
  });

  it('a Service changed since it was opened comes back as a conflict: what changed, rebased, and overwritable', async () => {
    const [p] = await twins('race');
    const live = await get(p);
    const original = stringify(withoutServerFields(live));
    // Someone else changes the Service while the text is open.
    await a!.kubectl(['label', 'service', p, 'tier=be', 'extra=yes', '--overwrite', '-n', namespace]);
    const edited = original.replace(/team: shop/, 'team: cart').replace(/tier: fe/, 'tier: web');
    const request = { context: 'portolan-a', namespace, name: p, original, edited, resourceVersion: live.metadata.resourceVersion, overwrite: false };
    const result = await core.handlers.editService(request);
    if (result.ok || result.reason !== 'changed') throw new Error(`expected a conflict: ${JSON.stringify(result)}`);
    expect(result.overlapping).toEqual(['metadata.labels.tier']);
    expect((result.rebased.metadata as { labels: Record<string, string> }).labels).toEqual({ app: p, tier: 'web', team: 'cart', extra: 'yes' });
    expect((await get(p)).metadata.labels).toMatchObject({ team: 'shop', tier: 'be' });
    // Rebase: the rebased text, opened at the current version, goes through.
    const rebased = await core.handlers.editService({ ...request, original: stringify(result.current), edited: stringify(result.rebased), resourceVersion: result.resourceVersion });
    expect(rebased).toMatchObject({ ok: true, outcome: 'updated' });
    expect((await get(p)).metadata.labels).toEqual({ app: p, tier: 'web', team: 'cart', extra: 'yes' });
    // Overwrite: the Service becomes exactly the saved text, whatever changed meanwhile.
    await a!.kubectl(['label', 'service', p, 'late=1', '-n', namespace]);
    expect(await core.handlers.editService({ ...request, overwrite: true })).toMatchObject({ ok: true, outcome: 'updated' });
    expect((await get(p)).metadata.labels).toEqual(parse(edited).metadata.labels);
  });

  it('refuses unknown fields as kubectl does (Strict) and names a renamed Service', async () => {
    const [p] = await twins('strict');
    const unknown = await portolanEdit(p, (text) => text.replace(/^spec:\n/m, 'spec:\n  template: {}\n'));
    expect(unknown).toMatchObject({ ok: false, reason: 'invalid', problems: [{ field: 'spec.template', message: 'unknown field' }] });
    if (!unknown.ok && unknown.reason !== 'changed') expect(JSON.stringify(unknown.explanation).length).toBeLessThan(300);
    const renamed = await portolanEdit(p, (text) => text.replace(`name: ${p}\n`, 'name: other\n'));
    expect(renamed).toMatchObject({ ok: false, reason: 'invalid', explanation: { code: 'manifest.nameChanged' } });
  });
});
