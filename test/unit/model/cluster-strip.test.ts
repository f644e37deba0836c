import { describe, expect, it } from 'vitest';
import { STRIP_LINES, stripView, type StripState } from '../../../renderer/src/model/cluster-strip';

const clusters = (states: StripState[]) => states.map((state, i) => ({ context: `c${i}`, state }));

describe('stripView', () => {
  it('gives each cluster its line while there are few', () => {
    const few = clusters(['live', 'stale', 'live', 'offline']);
    expect(few.length).toBe(STRIP_LINES);
    expect(stripView(few, false)).toEqual({ counts: null, lines: few, folded: 0 });
  });

  it('summarises 30 clusters in one line and lists only those that need attention, until expanded', () => {
    const many = clusters([...Array<StripState>(27).fill('live'), 'stale', 'loading', 'denied']);
    const view = stripView(many, false);
    expect(view.counts).toEqual([{ state: 'live', n: 27 }, { state: 'loading', n: 1 }, { state: 'stale', n: 1 }, { state: 'denied', n: 1 }]);
    expect(view.lines.map((c) => c.state)).toEqual(['stale', 'denied']);
    expect(view.folded).toBe(28);
    expect(stripView(many, true).lines).toHaveLength(30);
  });
});
