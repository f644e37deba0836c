// A filtered, sorted view of live rows, kept up to date incrementally: a changed row that still sorts
// between its neighbours is swapped in place, one that moves goes to its place (binary search +
// splice), and many changes at once are merged in with galloping searches, so a batch costs what it
// changes, not the whole list. Sort keys are computed once per row version (rows are replaced, never
// mutated) and kept in an array beside the rows, compared as plain strings or numbers: no collator,
// no reactive proxy and no per-row wrapper object. Any row kind: the order says which rows are in and
// how they sort.

export interface ViewOrder<Row> {
  include(row: Row): boolean;
  /** The column's value, comparable with < (see naturalKey for text). */
  sortKey(row: Row): string | number;
  /** Unique per row (it ends with the row's key), so the order is total and a row is found exactly. */
  tieKey(row: Row): string;
  descending: boolean;
}

export interface RowChange<Row> {
  before?: Row | undefined;
  after?: Row | undefined;
}

/**
 * Text as a sort key that orders like a numeric, case- and accent-insensitive collator: lower case,
 * accents dropped, digit runs zero-padded so "svc-9" sorts before "svc-10".
 */
export function naturalKey(text: string): string {
  const base = (/[^ -~]/.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text).toLowerCase();
  return /\d/.test(base) ? base.replace(/\d+/g, padDigits) : base;
}

const ZEROS = '0'.repeat(20);

function padDigits(digits: string): string {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start += 1;
  const significant = start === 0 ? digits : digits.slice(start);
  return significant.length >= 20 ? significant : ZEROS.slice(significant.length) + significant;
}

export class SortedView<Row> {
  /** The visible rows in order, and beside each its sort key. */
  private list: Row[] = [];
  private keys: Array<string | number> = [];
  /** Each visible row's sort key (to find it again), by row. */
  private readonly members = new Map<Row, string | number>();
  /**
   * Tie keys of rows in the view (or joining it), computed the first time two sort keys are equal
   * (rarely, for most columns), forgotten with the row. A Map, not a WeakMap: a WeakMap's entries
   * are ephemerons, which a full garbage collection traces in its pause, tens of ms for 30,000 rows.
   */
  private readonly ties = new Map<Row, string>();
  private order: ViewOrder<Row>;

  constructor(order: ViewOrder<Row>, rows: Iterable<Row> = []) {
    this.order = order;
    this.reset(order, rows);
  }

  get size(): number {
    return this.list.length;
  }

  /** How many tie keys it holds: never more than the rows it shows (tests check that none outlive their row). */
  get cachedTieKeys(): number {
    return this.ties.size;
  }

  /** The visible rows in order: a new array each time (a copy), so views holding the last one see a change. */
  rows(): Row[] {
    return this.list.slice();
  }

  /** A new filter or sort: every row placed again (the only whole-list operation). */
  reset(order: ViewOrder<Row>, rows: Iterable<Row>): void {
    this.order = order;
    this.members.clear();
    this.ties.clear();
    const entries: Array<{ row: Row; key: string | number }> = [];
    for (const row of rows) {
      if (!order.include(row)) continue;
      const key = order.sortKey(row);
      entries.push({ row, key });
      this.members.set(row, key);
    }
    entries.sort((a, b) => this.compare(a.row, a.key, b.row, b.key));
    this.list = entries.map((e) => e.row);
    this.keys = entries.map((e) => e.key);
  }

  /** Applies changes (before: the row as it was, after: as it is now; either may be absent). */
  apply(changes: Iterable<RowChange<Row>>): void {
    const list = [...changes];
    // Splicing moves half the list per row: past a few dozen rows one merge pass costs less.
    if (list.length > 32) this.applyBulk(list);
    else for (const change of list) this.applyOne(change);
  }

  /**
   * A new version of the row at `index` that still sorts between its neighbours (its endpoint counts
   * filled in, a label changed): swapped in place. True when it was.
   */
  private swapInPlace(index: number, before: Row, after: Row): boolean {
    if (!this.order.include(after)) return false;
    const next = this.order.sortKey(after);
    if (index > 0 && this.compare(this.list[index - 1]!, this.keys[index - 1]!, after, next) >= 0) return false;
    if (index < this.list.length - 1 && this.compare(after, next, this.list[index + 1]!, this.keys[index + 1]!) >= 0) return false;
    this.list[index] = after;
    this.keys[index] = next;
    this.forget(before);
    this.members.set(after, next);
    return true;
  }

  private applyOne({ before, after }: RowChange<Row>): void {
    if (before !== undefined && this.members.has(before)) {
      const index = this.find(before);
      if (after !== undefined && this.swapInPlace(index, before, after)) return;
      this.list.splice(index, 1);
      this.keys.splice(index, 1);
      this.forget(before);
    }
    if (after !== undefined && this.order.include(after)) {
      const key = this.order.sortKey(after);
      const index = this.insertionPoint(after, key, 0);
      this.list.splice(index, 0, after);
      this.keys.splice(index, 0, key);
      this.members.set(after, key);
    }
  }

  /**
   * Many changes at once (a list arriving, or a frame's worth of batches): the rows that went are
   * taken out, the new ones sorted and merged in, each found by a galloping search from the last
   * one's place (about m·log(n/m) comparisons for m rows into n), the runs between copied as they
   * are. A row may change more than once among the changes: a later `before` takes an earlier
   * `after` back out.
   */
  private applyBulk(changes: Array<RowChange<Row>>): void {
    /** Rows to take out, with the key they were placed with. */
    const gone = new Map<Row, string | number>();
    const adding = new Map<Row, string | number>();
    for (const { before, after } of changes) {
      // A row still where the list has it (not added among these changes) may just be swapped.
      if (before !== undefined && after !== undefined && this.members.has(before) && !adding.has(before) && this.swapInPlace(this.find(before), before, after)) continue;
      if (before !== undefined && this.members.has(before)) {
        if (!adding.delete(before)) gone.set(before, this.members.get(before)!);
        this.forget(before);
      }
      if (after !== undefined && this.order.include(after)) {
        const key = this.order.sortKey(after);
        adding.set(after, key);
        this.members.set(after, key);
      }
    }
    if (gone.size > 0) this.removeAll(gone);
    const added = [...adding].sort(([a, x], [b, y]) => this.compare(a, x, b, y));
    if (added.length === 0) return;
    const n = this.list.length;
    const list: Row[] = new Array(n + added.length);
    const keys: Array<string | number> = new Array(n + added.length);
    let from = 0;
    let out = 0;
    for (const [row, key] of added) {
      const to = this.gallop(row, key, from);
      for (let i = from; i < to; i += 1, out += 1) {
        list[out] = this.list[i]!;
        keys[out] = this.keys[i]!;
      }
      list[out] = row;
      keys[out] = key;
      out += 1;
      from = to;
    }
    for (let i = from; i < n; i += 1, out += 1) {
      list[out] = this.list[i]!;
      keys[out] = this.keys[i]!;
    }
    this.list = list;
    this.keys = keys;
  }

  /** Takes the rows out: one by one when they are few, in one pass over the list when many. */
  private removeAll(gone: Map<Row, string | number>): void {
    if (gone.size <= 64) {
      for (const [row, key] of gone) {
        const index = this.find(row, key);
        this.list.splice(index, 1);
        this.keys.splice(index, 1);
        // Finding it may have needed its tie key again.
        this.ties.delete(row);
      }
      return;
    }
    const list: Row[] = [];
    const keys: Array<string | number> = [];
    for (let i = 0; i < this.list.length; i += 1) {
      if (gone.has(this.list[i]!)) continue;
      list.push(this.list[i]!);
      keys.push(this.keys[i]!);
    }
    this.list = list;
    this.keys = keys;
  }

  private tie(row: Row): string {
    let tie = this.ties.get(row);
    if (tie === undefined) {
      tie = this.order.tieKey(row);
      this.ties.set(row, tie);
    }
    return tie;
  }

  /** The row left the view (or was replaced by its next version). */
  private forget(row: Row): void {
    this.members.delete(row);
    this.ties.delete(row);
  }

  private compare(a: Row, x: string | number, b: Row, y: string | number): number {
    let result = x < y ? -1 : x > y ? 1 : 0;
    if (result === 0 && a !== b) {
      const p = this.tie(a);
      const q = this.tie(b);
      result = p < q ? -1 : p > q ? 1 : 0;
    }
    return this.order.descending ? -result : result;
  }

  /**
   * insertionPoint from `from` for rows that come in order: steps of 1, 2, 4, … until past the row,
   * then a binary search in the last step. A row that belongs near the last one costs a few
   * comparisons, so m rows into n cost about m·log(n/m), never more than a plain merge by much.
   */
  private gallop(row: Row, key: string | number, from: number): number {
    const n = this.list.length;
    let low = from;
    let step = 1;
    while (low + step - 1 < n && this.compare(this.list[low + step - 1]!, this.keys[low + step - 1]!, row, key) <= 0) {
      low += step;
      step *= 2;
    }
    return this.insertionPoint(row, key, low, Math.min(n, low + step - 1));
  }

  /** The first index in [low, high) whose row sorts after this one (high if none). */
  private insertionPoint(row: Row, key: string | number, low: number, high = this.list.length): number {
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.list[mid]!, this.keys[mid]!, row, key) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The index of a visible row placed with `key` (the members map keeps it while the row is in). */
  private find(row: Row, key = this.members.get(row)!): number {
    const index = this.insertionPoint(row, key, 0) - 1;
    if (this.list[index] !== row) throw new Error('sorted view: a row is not where its keys put it');
    return index;
  }
}
