import { describe, expect, it } from 'vitest';
import { EarlyEvents } from '../../../renderer/src/api/early-events';

describe('EarlyEvents', () => {
  it('holds events until their subscription is known, then applies them in order, and later ones at once', () => {
    const early = new EarlyEvents();
    const seen: string[] = [];
    early.handle('s1', () => seen.push('first'));
    early.handle('s1', () => seen.push('second'));
    early.handle('s2', () => seen.push('other'));
    expect(seen).toEqual([]);
    early.accept('s1');
    expect(seen).toEqual(['first', 'second']);
    early.handle('s1', () => seen.push('third'));
    expect(seen).toEqual(['first', 'second', 'third']);
  });

  it('stops applying after forget, and drops the oldest unknown ids past its limit', () => {
    const early = new EarlyEvents(2);
    const seen: string[] = [];
    early.accept('s1');
    early.forget('s1');
    early.handle('s1', () => seen.push('late'));
    early.handle('a', () => seen.push('a'));
    early.handle('b', () => seen.push('b'));
    expect(seen).toEqual([]);
    // Three ids waited with room for two: the oldest (s1's late event) was dropped.
    early.accept('s1');
    early.accept('a');
    early.accept('b');
    expect(seen).toEqual(['a', 'b']);
  });
});
