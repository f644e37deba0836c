// Minimal text edits, on the styles people write that a re-render would change (issue 11's list).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { patchText } from '../../../renderer/src/model/text-patch';
import { align } from '../../../renderer/src/model/value-align';

type Obj = Record<string, unknown>;
const edit = (text: string, change: (v: Obj) => void, format: 'yaml' | 'json' = 'yaml'): string | null => {
  const value = (format === 'json' ? JSON.parse(text) : parse(text)) as Obj;
  change(value);
  return patchText(text, value, format);
};
const spec = (v: Obj): Obj => v.spec as Obj;
const meta = (v: Obj): Obj => v.metadata as Obj;
const ports = (v: Obj): Obj[] => spec(v).ports as Obj[];

describe('patchText', () => {
  it("edits a kubectl/Helm style list (`ports:\\n- port: 80`) in that style", () => {
    const text = 'spec:\n  ports:\n  - port: 80\n    name: http\n  selector:\n    app: web\n';
    expect(edit(text, (v) => { ports(v)[0]!.port = 81; })).toBe(text.replace('80', '81'));
    expect(edit(text, (v) => { ports(v).push({ name: 'https', port: 443 }); }))
      .toBe('spec:\n  ports:\n  - port: 80\n    name: http\n  - name: https\n    port: 443\n  selector:\n    app: web\n');
    expect(edit('spec:\n  ports:\n  - port: 80\n  type: X\n', (v) => { spec(v).more = [1]; })).toBe('spec:\n  ports:\n  - port: 80\n  type: X\n  more:\n  - 1\n');
    expect(edit('a:\n  b: 1\n  ports:\n    - port: 80\n', (v) => { (v.a as Obj).c = [1]; })).toBe('a:\n  b: 1\n  ports:\n    - port: 80\n  c:\n    - 1\n');
  });

  it('keeps blank and whitespace-only lines, trailing spaces, aligned and `- #` comments and long lines', () => {
    const long = `description: ${'a long sentence that must not wrap '.repeat(4).trim()}`;
    const text = `# header\nmetadata:\n  name: web        # aligned\n  \n\n  namespace: shop   # aligned too   \nspec:\n  ports:\n  - # first port\n    port: 80\n  ${long}\n`;
    const out = edit(text, (v) => { meta(v).name = 'api'; ports(v)[0]!.port = 8080; });
    expect(out).toBe(text.replace('name: web ', 'name: api ').replace('port: 80', 'port: 8080'));
  });

  it('keeps 3-space and indented documents in their own indentation', () => {
    const text = '   apiVersion: v1\n   metadata:\n      name: web\n   spec:\n      ports:\n      -  port: 80\n';
    expect(edit(text, (v) => { meta(v).labels = { app: 'web' }; })).toBe('   apiVersion: v1\n   metadata:\n      name: web\n      labels:\n         app: web\n   spec:\n      ports:\n      -  port: 80\n');
  });

  it('edits inside flow collections without changing their style', () => {
    const text = 'metadata:\n  labels: {app: web, tier: fe}\nspec:\n  ports: [{port: 80}]\n';
    expect(edit(text, (v) => { (meta(v).labels as Obj).tier = 'be'; })).toBe(text.replace('tier: fe', 'tier: be'));
    expect(edit(text, (v) => { (meta(v).labels as Obj).v = '2'; })).toBe(text.replace('tier: fe}', 'tier: fe, v: "2"}'));
    expect(edit(text, (v) => { delete (meta(v).labels as Obj).app; })).toBe(text.replace('app: web, ', ''));
    expect(edit(text, (v) => { ports(v).push({ port: 81 }); })).toBe(text.replace('[{port: 80}]', '[{port: 80}, { port: 81 }]'));
  });

  it('keeps quotes, end-of-line comments and the untouched siblings of a changed value', () => {
    const text = "metadata:\n  name: 'web' # single\n  namespace: \"shop\"\nspec:\n  ports:\n  - port: 80\n    targetPort: \"8080\"\n    protocol: tcp\n    nodePort: 20001 # why\n";
    expect(edit(text, (v) => { meta(v).name = "it's"; meta(v).namespace = 'x'; }))
      .toBe(text.replace("'web'", "'it''s'").replace('"shop"', '"x"'));
    expect(edit(text, (v) => { delete ports(v)[0]!.nodePort; })).toBe(text.replace('    nodePort: 20001 # why\n', ''));
  });

  it('gives keys to an empty `annotations:`, `labels:`, `selector:`, `metadata:` and `spec:` as Helm renders them', () => {
    for (const [text, change, expected] of [
      ['metadata:\n  name: web\n  annotations:\n  labels:\n', (v: Obj) => { meta(v).annotations = { a: 'b' }; }, 'metadata:\n  name: web\n  annotations:\n    a: b\n  labels:\n'],
      ['metadata:\n  name: web\n  labels: # none yet\nspec:\n', (v: Obj) => { meta(v).labels = { a: 'b' }; }, 'metadata:\n  name: web\n  labels: # none yet\n    a: b\nspec:\n'],
      ['kind: Service\nmetadata:\nspec:\n', (v: Obj) => { v.metadata = { name: 'x' }; v.spec = { selector: { app: 'x' } }; }, 'kind: Service\nmetadata:\n  name: x\nspec:\n  selector:\n    app: x\n'],
    ] as const) expect(edit(text, change)).toBe(expected);
  });

  it('removes a first key of a list item by moving the next key onto the dash', () => {
    const text = 'ports:\n- name: http\n  port: 80\n- name: b\n  port: 81\n';
    expect(edit(text, (v) => { delete (v.ports as Obj[])[0]!.name; })).toBe('ports:\n- port: 80\n- name: b\n  port: 81\n');
    expect(edit(text, (v) => { (v.ports as Obj[]).splice(0, 1); })).toBe('ports:\n- name: b\n  port: 81\n');
  });

  it("edits kubectl's 4-space JSON line by line", () => {
    const text = '{\n    "metadata": {\n        "name": "a"\n    },\n    "spec": {\n        "ports": [\n            {\n                "port": 80\n            }\n        ]\n    }\n}\n';
    expect(edit(text, (v) => { meta(v).name = 'b'; }, 'json')).toBe(text.replace('"a"', '"b"'));
    expect(edit(text, (v) => { meta(v).labels = { x: 'y' }; }, 'json'))
      .toBe(text.replace('"name": "a"\n', '"name": "a",\n        "labels": {\n            "x": "y"\n        }\n'));
    expect(edit(text, (v) => { ports(v).push({ port: 81 }); }, 'json'))
      .toBe(text.replace('"port": 80\n            }\n', '"port": 80\n            },\n            {\n                "port": 81\n            }\n'));
    expect(edit(edit(text, (v) => { ports(v).push({ port: 81 }); }, 'json')!, (v) => { ports(v).splice(0, 1); }, 'json'))
      .toBe(text.replace('"port": 80', '"port": 81'));
  });

  it('fills an empty `{}` in block style, and writes a value that replaces an empty quoted one without the quotes', () => {
    expect(edit('spec:\n  ports:\n  - {}\n', (v) => { ports(v)[0] = { port: 80, name: 'http' }; })).toBe('spec:\n  ports:\n  - port: 80\n    name: http\n');
    expect(edit('spec:\n  externalName: ""\n', (v) => { spec(v).externalName = 'db.example.com'; })).toBe('spec:\n  externalName: db.example.com\n');
    expect(edit('spec:\n  externalName: "a"\n', (v) => { spec(v).externalName = 'b'; })).toBe('spec:\n  externalName: "b"\n');
  });

  it('answers null rather than a wrong text where it cannot edit in place (anchors and aliases)', () => {
    const text = 'metadata:\n  labels: &l\n    app: web\nspec:\n  selector: *l\n';
    expect(edit(text, (v) => { spec(v).selector = { app: 'api' }; })).toBeNull();
  });

  it('lines up list items: kept, edited in place, removed, added', () => {
    expect(align([1, 2, 3], [1, 3])).toEqual([{ old: 0, new: 0 }, { old: 1 }, { old: 2, new: 1 }]);
    expect(align([1, 2, 3], [1, 9, 3, 4])).toEqual([{ old: 0, new: 0 }, { old: 1, new: 1 }, { old: 2, new: 2 }, { new: 3 }]);
  });
});

// Random edits on every real-world manifest: the patch must always be found (never the re-render
// fallback) and parse to the wanted value (patchText checks that itself, answering null otherwise).
const dir = join(__dirname, '../../data/service-manifests');
const corpus = readdirSync(dir).filter((f) => /\.(yaml|json)$/.test(f)).map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }));

type Path = Array<string | number>;
function paths(value: unknown, at: Path = []): Array<{ path: Path; value: unknown }> {
  const here = { path: at, value };
  if (Array.isArray(value)) return [here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value && typeof value === 'object') return [here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [here];
}

describe('patchText on random edits of real-world manifests', () => {
  it('always edits in place, changing only a few lines', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.constantFrom('set', 'delete', 'add'), fc.oneof(fc.string(), fc.integer(), fc.boolean()), (which, where, op, scalar) => {
      const { f, text } = corpus[which % corpus.length]!;
      const format = f.endsWith('.json') ? 'json' : 'yaml';
      const value = (format === 'json' ? JSON.parse(text) : parse(text)) as Obj;
      const all = paths(value).filter((p) => p.path.length > 0);
      const target = all[where % all.length]!;
      const parent = paths(value).find((p) => p.path.join('\u0000') === target.path.slice(0, -1).join('\u0000'))!.value as Obj | unknown[];
      const key = target.path[target.path.length - 1]!;
      if (op === 'set') (parent as Obj)[key] = scalar;
      else if (op === 'delete' && Array.isArray(parent) ? parent.length > 1 : Object.keys(parent).length > 1) {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Obj)[key];
      } else if (Array.isArray(parent)) parent.push(scalar);
      else (parent as Obj)[`added-${String(key)}`] = scalar;
      const out = patchText(text, value, format);
      expect(out, `${f}: ${op} ${target.path.join('.')}`).not.toBeNull();
      // Lines of the edited node go (a whole subtree for a set or a delete, with the comments inside
      // it); every other line stays.
      const before = text.split('\n').filter((line) => !/^\s*#/.test(line));
      const after = out!.split('\n');
      const kept = before.filter((line) => after.includes(line)).length;
      const subtree = JSON.stringify(target.value, null, 1).split('\n').length + 2;
      expect(before.length - kept, `${f}: ${op} ${target.path.join('.')}`).toBeLessThanOrEqual(subtree + (format === 'json' ? 1 : 0));
    }), { numRuns: 600, seed: 11 });
  });
});
