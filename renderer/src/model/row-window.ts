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
