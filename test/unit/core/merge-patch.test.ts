import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergePatch, mergePatch, overlappingPaths, type Json } from '../../../electron/core/manifests/merge-patch';

describe('mergePatch', () => {
  it('sends only what changed: a removed key as null, a changed list whole, nothing for no change', () => {
    const from = { metadata: { name: 'web', labels: { a: '1', b: '2' } }, spec: { ports: [{ port: 80 }, { port: 81 }], type: 'ClusterIP' } };
    expect(mergePatch(from, structuredClone(from))).toBeNull();
    expect(mergePatch(from, { metadata: { name: 'web', labels: { a: '1' } }, spec: from.spec })).toEqual({ metadata: { labels: { b: null } } });
    expect(mergePatch(from, { ...from, spec: { ...from.spec, ports: [{ port: 80 }, { port: 82 }] } })).toEqual({ spec: { ports: [{ port: 80 }, { port: 82 }] } });
    expect(mergePatch(from, { ...from, spec: { type: 'ClusterIP', ports: from.spec.ports, selector: { app: 'x' } } })).toEqual({ spec: { selector: { app: 'x' } } });
  });

  it('applied to the old value, any patch gives the new one (RFC 7386), when no value is null', () => {
    const value: fc.Arbitrary<Json> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 })),
    })).node as fc.Arbitrary<Json>;
    const object = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), value, { maxKeys: 4 });
    fc.assert(fc.property(object, object, (from, to) => {
      const patch = mergePatch(from, to);
      expect(applyMergePatch(from, patch ?? {})).toEqual(to);
    }), { numRuns: 500 });
  });

  it('finds the fields both sides changed', () => {
    expect(overlappingPaths({ metadata: { labels: { tier: 'web', team: 'cart' } } }, { metadata: { labels: { tier: 'be', extra: 'yes' } } })).toEqual(['metadata.labels.tier']);
    expect(overlappingPaths({ spec: { ports: [] } }, { spec: { selector: { a: 'b' } } })).toEqual([]);
    expect(overlappingPaths({ metadata: { labels: null } }, { metadata: { labels: { x: '1' } } })).toEqual(['metadata.labels']);
  });
});
