import { describe, expect, it } from 'vitest';
import type { TargetApplyResult } from '../../../electron/api/types';
import { chosenTargets, diffText, tally, targetChoices } from '../../../renderer/src/model/apply-targets';

const contexts = [{ name: 'prod', namespace: 'shop' }, { name: 'staging', namespace: null }, { name: 'dev', namespace: 'team' }];

describe('apply targets', () => {
  it('offers every context: the draft\'s targets chosen with their namespace, the others with the draft\'s, the context\'s, or default', () => {
    expect(targetChoices(contexts, { targets: [{ context: 'staging', namespace: 'web' }], namespace: null })).toEqual([
      { context: 'prod', namespace: 'shop', chosen: false },
      { context: 'staging', namespace: 'web', chosen: true },
      { context: 'dev', namespace: 'team', chosen: false },
    ]);
    expect(targetChoices([{ name: 'staging', namespace: null }], { targets: [], namespace: 'payments' })).toEqual([{ context: 'staging', namespace: 'payments', chosen: false }]);
    expect(targetChoices([{ name: 'staging', namespace: null }], { targets: [], namespace: null })[0]!.namespace).toBe('default');
  });

  it('takes only chosen targets that name a namespace', () => {
    expect(chosenTargets([{ context: 'a', namespace: 'x', chosen: true }, { context: 'b', namespace: '', chosen: true }, { context: 'c', namespace: 'y', chosen: false }]))
      .toEqual([{ context: 'a', namespace: 'x' }]);
  });

  it('shows objects with sorted keys, and nothing as empty text', () => {
    expect(diffText({ spec: { b: 1, a: 2 }, apiVersion: 'v1' })).toBe('apiVersion: v1\nspec:\n  a: 2\n  b: 1\n');
    expect(diffText(null)).toBe('');
  });

  it('counts outcomes and failures', () => {
    const ok = (outcome: 'created' | 'updated' | 'unchanged'): TargetApplyResult => ({ ok: true, outcome, dryRun: false, live: null, result: {}, warnings: [] });
    const failed: TargetApplyResult = { ok: false, reason: 'forbidden', explanation: { code: 'server.said', params: { detail: 'no' } }, problems: [] };
    expect(tally([
      { phase: 'done', dryRun: false, result: ok('created') }, { phase: 'done', dryRun: false, result: ok('created') },
      { phase: 'done', dryRun: false, result: ok('unchanged') }, { phase: 'done', dryRun: false, result: failed }, { phase: 'running', dryRun: false }, { phase: 'waiting' },
    ])).toEqual({ created: 2, updated: 0, unchanged: 1, failed: 1, running: 1 });
  });
});
