import { describe, expect, it } from 'vitest';
import type { ContextList, ContextSummary } from '../../../electron/api/types';
import { initialSelection, listScopes, usableContexts } from '../../../electron/api/list-scopes';

const context = (name: string, patch: Partial<ContextSummary> = {}): ContextSummary => ({
  name, cluster: name, server: `https://${name}.example:6443`, user: name, namespace: null, authKind: 'token',
  source: '/home/u/.kube/config', current: false, problem: null, ...patch,
});
const list = (contexts: ContextSummary[], currentContext: string | null = null): ContextList => ({ contexts, files: [], currentContext });

describe('listScopes', () => {
  it('follows every namespace of a context with none chosen, else each chosen one', () => {
    const chosen: Record<string, string[]> = { b: ['shop', 'web'] };
    expect(listScopes(['a', 'b'], (c) => chosen[c] ?? [])).toEqual([
      { context: 'a', namespace: null }, { context: 'b', namespace: 'shop' }, { context: 'b', namespace: 'web' },
    ]);
  });
});

describe('initialSelection', () => {
  const contexts = list([context('a'), context('b')], 'b');

  it('keeps a remembered selection as it is', () => {
    const remembered = ['a', 'gone'];
    expect(initialSelection(remembered, contexts)).toBe(remembered);
  });

  it('starts with the current context when nothing is remembered, and with nothing when there is no current context', () => {
    expect(initialSelection([], contexts)).toEqual(['b']);
    expect(initialSelection([], list([context('a')], null))).toEqual([]);
    // A current-context that names no context (kubectl reports it as not found).
    expect(initialSelection([], list([context('a')], 'missing'))).toEqual([]);
  });
});

describe('usableContexts', () => {
  it('keeps the selected contexts that exist and can be used as written, in the selection\'s order', () => {
    const contexts = list([context('a'), context('b', { problem: { code: 'context.unknownCluster', params: { context: 'b', cluster: 'b' } } }), context('c')]);
    expect(usableContexts(['c', 'gone', 'b', 'a'], contexts)).toEqual(['c', 'a']);
  });
});
