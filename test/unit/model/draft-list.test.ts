import { describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../../electron/api/types';
import { appliedTargets, matchingDrafts } from '../../../renderer/src/model/draft-list';

const draft = (file: string, modifiedAt: string, extra: Partial<DraftSummary> = {}): DraftSummary => ({
  file, version: 'v', modifiedAt, name: file.replace('.yaml', ''), namespace: null, alias: null, type: 'ClusterIP', problem: null, targets: [], validation: null, applied: [], ...extra,
});

describe('draft list', () => {
  it('finds drafts by every word, in file, name, alias, type and target, newest first', () => {
    const drafts = [
      draft('web.yaml', '2026-01-01T00:00:00Z', { alias: 'Front door', targets: [{ context: 'prod', namespace: 'shop' }] }),
      draft('api.yaml', '2026-02-01T00:00:00Z', { type: 'NodePort' }),
      draft('db.yaml', '2026-03-01T00:00:00Z'),
    ];
    expect(matchingDrafts(drafts, '').map((d) => d.file)).toEqual(['db.yaml', 'api.yaml', 'web.yaml']);
    expect(matchingDrafts(drafts, 'front prod').map((d) => d.file)).toEqual(['web.yaml']);
    expect(matchingDrafts(drafts, 'nodeport').map((d) => d.file)).toEqual(['api.yaml']);
    expect(matchingDrafts(drafts, 'nothing')).toEqual([]);
  });

  it('lists the real applies per target, not the dry runs', () => {
    const d = draft('web.yaml', '2026-01-01T00:00:00Z', {
      applied: [
        { context: 'b', namespace: 'x', at: '2026-01-03T00:00:00Z', dryRun: true, outcome: 'updated', message: null },
        { context: 'a', namespace: 'x', at: '2026-01-02T00:00:00Z', dryRun: false, outcome: 'created', message: null },
        { context: 'c', namespace: 'x', at: '2026-01-01T00:00:00Z', dryRun: false, outcome: 'forbidden', message: 'no' },
      ],
    });
    expect(appliedTargets(d).map((a) => a.context)).toEqual(['a', 'c']);
    expect(appliedTargets(draft('x.yaml', '2026-01-01T00:00:00Z'))).toEqual([]);
  });
});
