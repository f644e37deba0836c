// The wizard's talk with the cluster, with the calls faked: a dry run becomes a review with keys in
// one order and no server-set fields; a refusal names its fields on the form; saving a live Service
// reports a change made meanwhile.
import { describe, expect, it, vi } from 'vitest';
import type { CreateResult, EditResult } from '../../../electron/api/types';
import { createFlow, type CreateFlowDeps } from '../../../renderer/src/components/wizard/use-create-flow';

const target = { context: 'a', namespace: 'shop' };
const words: Pick<CreateFlowDeps, 'refusal' | 'changedMeanwhile'> = {
  refusal: (reason, explanation) => `${reason}: ${explanation.params.detail}`,
  changedMeanwhile: (fields) => `changed meanwhile: ${fields.join(', ')}`,
};

describe('the wizard\'s create flow', () => {
  it('shows the dry run as a review, then creates', async () => {
    const create = vi.fn(async (_t: unknown, _m: string, dryRun: boolean): Promise<CreateResult> => ({
      ok: true, warnings: dryRun ? ['spec.ports[0].nodePort: in use'] : [], cleared: ['metadata.uid'],
      object: { spec: { type: 'ClusterIP', clusterIP: '10.0.0.9' }, metadata: { name: 'web', resourceVersion: '1', uid: 'u' }, status: {} },
    }));
    const flow = createFlow({ create, ...words });
    expect(await flow.check(target, 'text', { metadata: { name: 'web' }, spec: { type: 'ClusterIP' } })).toEqual({ end: 'review' });
    expect(flow.phase.value).toBe('review');
    expect(flow.review.value).toEqual({
      written: 'metadata:\n  name: web\nspec:\n  type: ClusterIP\n',
      stored: 'metadata:\n  name: web\nspec:\n  clusterIP: 10.0.0.9\n  type: ClusterIP\n',
      warnings: ['spec.ports[0].nodePort: in use'], cleared: ['metadata.uid'],
    });
    expect(await flow.confirm(target, 'text')).toEqual({ end: 'created' });
    expect(create.mock.calls.map((c) => c[2])).toEqual([true, false]);
  });

  it('puts a refusal\'s words on top and each field it names on that field, back in editing', async () => {
    const flow = createFlow({
      create: async () => ({ ok: false, reason: 'invalid', explanation: { code: 'server.said', params: { detail: 'bad port' } }, problems: [{ field: 'spec.ports[0].port', message: 'must be between 1 and 65535' }] }),
      ...words,
    });
    const end = await flow.check(target, 'text', {});
    expect(end).toEqual({ end: 'refused', firstField: 'ports.0.port' });
    expect(flow.phase.value).toBe('editing');
    expect(flow.serverMessage.value).toBe('invalid: bad port');
    expect(flow.serverFields.value['ports.0.port']).toEqual(['must be between 1 and 65535']);
    flow.clearFields();
    expect(flow.serverFields.value).toEqual({});
  });

  it('saves a live Service, and reports a change made meanwhile without leaving the form', async () => {
    const answers: EditResult[] = [
      { ok: false, reason: 'changed', current: {}, resourceVersion: '9', rebased: {}, overlapping: ['spec.selector'] },
      { ok: true, outcome: 'updated', resourceVersion: '10', warnings: [] },
    ];
    const save = vi.fn(async () => answers.shift()!);
    const flow = createFlow({ create: vi.fn(), save, ...words });
    expect(await flow.save(target, 'text', false)).toEqual({ end: 'changed' });
    expect(flow.serverMessage.value).toBe('changed meanwhile: spec.selector');
    expect(flow.phase.value).toBe('editing');
    expect(await flow.save(target, 'text', true)).toEqual({ end: 'saved', outcome: 'updated' });
    expect(save.mock.calls.map((c) => (c as unknown[])[2])).toEqual([false, true]);
  });
});
