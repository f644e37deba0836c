import { describe, expect, it } from 'vitest';
import type { ContextSummary, KubeconfigFileStatus } from '../../../electron/api/types';
import { arrangeContexts, matchesQuery } from '../../../renderer/src/model/context-groups';

const ctx = (name: string, source: string, server: string, current = false): ContextSummary => ({
  name, cluster: name, server, user: 'u', namespace: null, authKind: 'token', source, current, problem: null,
});
const file = (path: string): KubeconfigFileStatus => ({ path, origin: 'env', state: 'ok', problem: null });

const contexts = [
  ctx('staging', '/a', 'https://staging.example'),
  ctx('prod-eu', '/a', 'https://prod.example', true),
  ctx('prod-us', '/b', 'https://prod.example'),
  ctx('kind', '/b', 'https://127.0.0.1:6443'),
];
const files = [file('/a'), file('/b'), file('/empty')];

describe('arrangeContexts', () => {
  it('groups by file in file order with the current context first, and keeps empty files', () => {
    const arranged = arrangeContexts(contexts, files, { groupBy: 'file', query: '', pinned: [] });
    expect(arranged.groups.map((g) => [g.label, g.contexts.map((c) => c.name)])).toEqual([
      ['/a', ['prod-eu', 'staging']], ['/b', ['prod-us', 'kind']], ['/empty', []],
    ]);
    expect(arranged.matching).toBe(4);
  });

  it('groups by server', () => {
    const arranged = arrangeContexts(contexts, files, { groupBy: 'server', query: '', pinned: [] });
    expect(arranged.groups.map((g) => [g.label, g.contexts.map((c) => c.name)])).toEqual([
      ['https://staging.example', ['staging']], ['https://prod.example', ['prod-eu', 'prod-us']], ['https://127.0.0.1:6443', ['kind']],
    ]);
  });

  it('lifts pinned contexts out of their groups, in pin order', () => {
    const arranged = arrangeContexts(contexts, files, { groupBy: 'file', query: '', pinned: ['kind', 'staging'] });
    expect(arranged.pinned.map((c) => c.name)).toEqual(['kind', 'staging']);
    expect(arranged.groups.flatMap((g) => g.contexts.map((c) => c.name))).toEqual(['prod-eu', 'prod-us']);
  });

  it('filters by every word of the search, over name and server, and hides groups left empty', () => {
    const arranged = arrangeContexts(contexts, files, { groupBy: 'file', query: 'prod US', pinned: [] });
    expect(arranged.groups.map((g) => g.contexts.map((c) => c.name))).toEqual([['prod-us']]);
    expect(arranged.matching).toBe(1);
    expect(matchesQuery(contexts[3]!, '127.0.0.1')).toBe(true);
    expect(matchesQuery(contexts[3]!, 'prod')).toBe(false);
  });
});
