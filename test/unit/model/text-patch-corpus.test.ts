// Real-world Service manifests (test/data/service-manifests, each named with its source in
// SOURCES.tsv): a form that changes nothing leaves every byte, and a form edit changes only the lines
// of the fields it sets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormTextSync } from '../../../renderer/src/model/form-text-sync';
import type { ServiceForm } from '../../../renderer/src/model/service-form';

const dir = join(__dirname, '../../data/service-manifests');
const files = readdirSync(dir).filter((f) => /\.(yaml|json)$/.test(f));

function open(file: string): FormTextSync {
  const texts = new FormTextSync({} as ServiceForm, readFileSync(join(dir, file), 'utf8'), 'default');
  expect(texts.format).toBe(file.endsWith('.json') ? 'json' : 'yaml');
  return texts;
}

/** Lines of `after` that are not in `before`, and lines of `before` gone from `after` (as multisets). */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const count = (text: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const line of text.split('\n')) m.set(line, (m.get(line) ?? 0) + 1);
    return m;
  };
  const a = count(before);
  const b = count(after);
  const diff = (x: Map<string, number>, y: Map<string, number>): string[] => [...x].flatMap(([line, n]) => Array<string>(Math.max(0, n - (y.get(line) ?? 0))).fill(line));
  return { added: diff(b, a), removed: diff(a, b) };
}

describe('form edits on real-world manifests', () => {
  it('has at least 50 manifests, YAML and JSON, each with its source named', () => {
    const sources = readFileSync(join(dir, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
    expect(new Set(sources)).toEqual(new Set(files));
  });

  it.each(files)('%s: an unchanged form leaves every byte', (file) => {
    const texts = open(file);
    const before = texts.text;
    expect(texts.setForm(texts.form)).toBe(true);
    expect(texts.text).toBe(before);
  });

  it.each(files)('%s: single-field edits change only their own lines', (file) => {
    const original = open(file).text;
    const edits: Array<[string, (f: ServiceForm) => ServiceForm, (added: string[], removed: string[]) => void]> = [
      ['name', (f) => ({ ...f, name: `${f.name}-x` }), (added, removed) => {
        expect(added).toHaveLength(1);
        expect(removed).toHaveLength(1);
        expect(added[0]).toContain(`-x`);
      }],
      ['alias', (f) => ({ ...f, alias: '网店' }), (added) => {
        expect(added.join('\n')).toContain('网店');
        // the line itself, and at most an `annotations:` key for it
        expect(added.length).toBeLessThanOrEqual(file.endsWith('.json') ? 4 : 2);
      }],
      ['first port number', (f) => ({ ...f, ports: f.ports.map((p, i) => (i === 0 ? { ...p, port: 65001 } : p)) }), (added, removed) => {
        if (!added.length) return; // no ports to edit
        expect(added).toHaveLength(1);
        expect(removed).toHaveLength(1);
        expect(added[0]).toContain('65001');
      }],
    ];
    for (const [what, edit, check] of edits) {
      const texts = open(file);
      expect(texts.setForm(edit(texts.form)), what).toBe(true);
      const { added, removed } = changedLines(original, texts.text);
      check(added, removed);
      // and the edit reads back as made
      expect(new FormTextSync({} as ServiceForm, texts.text, 'default').form).toEqual(texts.form);
    }
  });
});
