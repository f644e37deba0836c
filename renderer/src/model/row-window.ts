// Which rows of a list of fixed-height rows a scrolled viewport shows, and where to scroll to show
// one: plain arithmetic, so a list of any length costs the same per frame and nothing is kept per
// row (a virtualizer that measures rows keeps an object per row, rebuilt whenever the count changes:
// 30,000 of them on every drawing while a big list pages in). Pure: unit-tested.

export interface WindowItem {
  index: number;
  /** Offset of the row's top from the list's top, px. */
  start: number;
}

export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** Rows rendered beyond each edge. */
  overscan: number;
}

/** The rows in view (and `overscan` beyond each edge), in order. */
export function windowItems({ count, rowHeight, scrollTop, viewportHeight, overscan }: WindowInput): WindowItem[] {
  if (count === 0) return [];
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight) - 1 + overscan);
  const items: WindowItem[] = [];
  for (let index = first; index <= last; index += 1) items.push({ index, start: index * rowHeight });
  return items;
}

/**
 * The scrollTop that shows row `index`: 'auto' scrolls only as far as needed (none when it is in
 * view), 'center' puts it in the middle. Clamped to the list.
 */
export function scrollTopFor(index: number, align: 'auto' | 'center', { count, rowHeight, scrollTop, viewportHeight }: Omit<WindowInput, 'overscan'>): number {
  const top = index * rowHeight;
  const max = Math.max(0, count * rowHeight - viewportHeight);
  let next = scrollTop;
  if (align === 'center') next = top - (viewportHeight - rowHeight) / 2;
  else if (top < scrollTop) next = top;
  else if (top + rowHeight > scrollTop + viewportHeight) next = top + rowHeight - viewportHeight;
  return Math.min(max, Math.max(0, next));
}

/** The first and last row index of a window (last < first when it is empty). */
export interface WindowRange {
  first: number;
  last: number;
}

/** The range a window's items cover. */
export const rangeOf = (items: WindowItem[]): WindowRange => ({ first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? -1 });

/**
 * True when the next window shares no row with the last one (a dragged scrollbar, End, a fling):
 * keyed by row, every row's elements would then be removed and created again, and the table reuses
 * them in place instead (keyed by slot). Removing and creating rows was two thirds of a fast
 * scroll's script time in a profile.
 */
export function sharesNoRow(previous: WindowRange | null, next: WindowRange): boolean {
  if (!previous || previous.last < previous.first || next.last < next.first) return false;
  return next.first > previous.last || next.last < previous.first;
}
