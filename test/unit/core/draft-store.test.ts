import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftStore } from '../../../electron/core/drafts/draft-store';

describe('DraftStore', () => {
  it('saves a draft atomically, re-saves it under the same id, and lists it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-drafts-'));
    const store = new DraftStore(dir);
    const first = await store.save({ context: 'prod', namespace: 'shop', manifest: '# wip\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n' });
    expect(first).toMatchObject({ name: 'web', context: 'prod', namespace: 'shop' });
    const again = await store.save({ id: first.id, context: null, namespace: null, manifest: 'metadata: {name: web2}\n' });
    expect(again.id).toBe(first.id);
    expect(readdirSync(join(dir, 'drafts'))).toEqual([`${first.id}.json`]); // no temporary file left
    const saved = JSON.parse(readFileSync(join(dir, 'drafts', `${first.id}.json`), 'utf8'));
    expect(saved.manifest).toBe('metadata: {name: web2}\n');
    expect(await store.list()).toEqual([again]);
  });

  it('keeps text that does not parse yet, and says when there is nowhere to save', async () => {
    const store = new DraftStore(mkdtempSync(join(tmpdir(), 'portolan-drafts-')));
    expect((await store.save({ context: null, namespace: null, manifest: 'spec: [' })).name).toBe('');
    await expect(new DraftStore(null).save({ context: null, namespace: null, manifest: '' })).rejects.toThrow(/need a state folder/);
    expect(await new DraftStore(null).list()).toEqual([]);
  });
});
