import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { conflictOf, openedFrom, rebasedOpening } from '../../../renderer/src/model/edit-session';

describe('edit session', () => {
  it('opens a live Service without what the server sets, at its resourceVersion', () => {
    const opened = openedFrom({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', resourceVersion: '42', uid: 'u' }, spec: {}, status: {} });
    expect(opened.resourceVersion).toBe('42');
    expect(parse(opened.text)).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: {} });
  });

  it('keeps a conflict as texts, and continues from the Service as it is now with the rebased text', () => {
    expect(conflictOf({ ok: true, outcome: 'unchanged' })).toBeNull();
    const conflict = conflictOf({ ok: false, reason: 'changed', current: { a: 1 }, rebased: { a: 2 }, overlapping: ['a'], resourceVersion: '7' })!;
    expect(conflict).toEqual({ current: 'a: 1\n', rebased: 'a: 2\n', overlapping: ['a'], resourceVersion: '7' });
    expect(rebasedOpening(conflict)).toEqual({ opened: { text: 'a: 1\n', resourceVersion: '7' }, draft: 'a: 2\n' });
  });
});
