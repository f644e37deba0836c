// The Service table's window over fixed-height rows, against the rows a viewport shows by definition
// (those whose box intersects it): any count, height, scroll position and overscan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeOf, scrollTopFor, sharesNoRow, windowItems } from '../../../renderer/src/model/row-window';

const input = fc.record({
  count: fc.integer({ min: 0, max: 5000 }),
  rowHeight: fc.integer({ min: 1, max: 80 }),
  viewportHeight: fc.integer({ min: 0, max: 2000 }),
  overscan: fc.integer({ min: 0, max: 6 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
}).map(({ at, ...rest }) => ({ ...rest, scrollTop: Math.floor(at * Math.max(0, rest.count * rest.rowHeight - rest.viewportHeight)) }));

describe('row window', () => {
  it('holds exactly the rows that intersect the viewport, and overscan more on each side', () => {
    fc.assert(fc.property(input, (w) => {
      const visible: number[] = [];
      for (let i = 0; i < w.count; i += 1) {
        if (i * w.rowHeight < w.scrollTop + w.viewportHeight && (i + 1) * w.rowHeight > w.scrollTop) visible.push(i);
      }
      const items = windowItems(w);
      const indices = items.map((item) => item.index);
      for (const i of visible) expect(indices).toContain(i);
      if (visible.length > 0) {
        expect(indices[0]).toBe(Math.max(0, visible[0]! - w.overscan));
        expect(indices.at(-1)).toBe(Math.min(w.count - 1, visible.at(-1)! + w.overscan));
      }
      expect(indices).toEqual(indices.map((_, k) => indices[0]! + k));
      for (const item of items) expect(item.start).toBe(item.index * w.rowHeight);
    }), { numRuns: 500 });
  });

  it('scrolls only as far as a row needs (auto) or puts it in the middle (center), within the list', () => {
    const w = { count: 100, rowHeight: 48, viewportHeight: 480, scrollTop: 960 };
    expect(scrollTopFor(22, 'auto', w)).toBe(960); // in view: stays
    expect(scrollTopFor(19, 'auto', w)).toBe(912); // just above: its top at the top
    expect(scrollTopFor(30, 'auto', w)).toBe(30 * 48 + 48 - 480); // just below: its bottom at the bottom
    expect(scrollTopFor(50, 'center', w)).toBe(50 * 48 - (480 - 48) / 2);
    expect(scrollTopFor(0, 'center', w)).toBe(0);
    expect(scrollTopFor(99, 'center', w)).toBe(100 * 48 - 480);
  });

  it('tells a window that shares no row with the last one, by definition (no index in both)', () => {
    const range = fc.record({ first: fc.integer({ min: 0, max: 100 }), length: fc.integer({ min: 0, max: 30 }) })
      .map(({ first, length }) => ({ first, last: first + length - 1 }));
    fc.assert(fc.property(range, range, (previous, next) => {
      const indexes = (r: { first: number; last: number }): number[] => Array.from({ length: Math.max(0, r.last - r.first + 1) }, (_, i) => r.first + i);
      const shared = indexes(next).some((i) => indexes(previous).includes(i));
      const bothShow = indexes(previous).length > 0 && indexes(next).length > 0;
      expect(sharesNoRow(previous, next)).toBe(bothShow && !shared);
    }));
    expect(sharesNoRow(null, { first: 0, last: 10 })).toBe(false);
  });

  it('gives the range a window covers', () => {
    const items = windowItems({ count: 1000, rowHeight: 48, scrollTop: 4800, viewportHeight: 800, overscan: 4 });
    expect(rangeOf(items)).toEqual({ first: 96, last: 120 });
    expect(rangeOf([])).toEqual({ first: 0, last: -1 });
  });
});
