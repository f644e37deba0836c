// A manifest's text as core reads it: one document (empty ones around it are fine), keys once per
// mapping, and bounds on nesting and indentation checked before the parser runs.
import { describe, expect, it } from 'vitest';
import { readManifestText } from '../../../electron/core/manifests/manifest-text';

describe('readManifestText', () => {
  it('takes a leading or trailing --- as kubectl and the API server do, and refuses two documents', () => {
    expect(readManifestText('apiVersion: v1\nkind: Service\n---\n')).toEqual({ ok: true, value: { apiVersion: 'v1', kind: 'Service' } });
    expect(readManifestText('---\napiVersion: v1\n')).toEqual({ ok: true, value: { apiVersion: 'v1' } });
    expect(readManifestText('a: 1\n---\nb: 2\n')).toEqual({ ok: false, detail: 'the text holds 2 documents; one Service at a time' });
  });
  it('finds a key given twice in one pass', () => {
    expect(readManifestText('metadata:\n  labels: {a: 1, b: 2, a: 3}\n')).toEqual({ ok: false, detail: 'the key "a" appears twice in one mapping' });
  });
  it('refuses deep nesting and indentation before parsing, but not brackets inside quotes or comments', () => {
    expect(readManifestText(`x: ${'['.repeat(65)}`)).toEqual({ ok: false, detail: 'collections nest deeper than 64 levels' });
    expect(readManifestText(`x:\n${' '.repeat(513)}y: 1\n`)).toEqual({ ok: false, detail: 'a line is indented more than 512 characters' });
    expect(readManifestText(`x: "${'['.repeat(100)}" # ${'{'.repeat(100)}\n`)).toEqual({ ok: true, value: { x: '['.repeat(100) } });
  });
});
