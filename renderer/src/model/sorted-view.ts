// A filtered, sorted view of live rows, kept up to date incrementally: a changed row moves to its
// place (binary search + splice), so a batch costs what it changes, not the whole list. Sort keys are
// computed once per row version (rows are replaced, never mutated), and compared as plain strings or
// numbers: no collator and no reactive proxy in the comparator. Any row kind: the order says which
// rows are in and how they sort.

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

interface Entry<Row> {
  row: Row;
  key: string | number;
  /** Computed the first time two keys are equal (rarely, for most columns). */
  tie: string | undefined;
}

/**
 * Text as a sort key that orders like a numeric, case- and accent-insensitive collator: lower case,
 * accents dropped, digit runs zero-padded so "svc-9" sorts before "svc-10".
 */
export function naturalKey(text: string): string {
  const base = (/[^ -~]/.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text).toLowerCase();
  return /\d/.test(base) ? base.replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(20, '0')) : base;
}

export class SortedView<Row> {
  private entries: Array<Entry<Row>> = [];
  private readonly members = new Map<Row, Entry<Row>>();
  private order: ViewOrder<Row>;

  constructor(order: ViewOrder<Row>, rows: Iterable<Row> = []) {
    this.order = order;
    this.reset(order, rows);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The visible rows in order: a new array each time, so views holding the last one see a change. */
  rows(): Row[] {
    return this.entries.map((entry) => entry.row);
  }

  /** A new filter or sort: every row placed again (the only whole-list operation). */
  reset(order: ViewOrder<Row>, rows: Iterable<Row>): void {
    this.order = order;
    this.members.clear();
    const entries: Array<Entry<Row>> = [];
    for (const row of rows) {
      if (!order.include(row)) continue;
      const entry = this.entry(row);
      entries.push(entry);
      this.members.set(row, entry);
    }
    this.entries = entries.sort((a, b) => this.compare(a, b));
  }

  /** Applies changes (before: the row as it was, after: as it is now; either may be absent). */
  apply(changes: Iterable<RowChange<Row>>): void {
    const list = [...changes];
    // Splicing moves half the list per row: past a few dozen rows one merge pass costs less.
    if (list.length > 32) this.applyBulk(list);
    else for (const change of list) this.applyOne(change);
  }

  private applyOne({ before, after }: RowChange<Row>): void {
    const old = before === undefined ? undefined : this.members.get(before);
    if (old) {
      this.entries.splice(this.find(old), 1);
      this.members.delete(before!);
    }
    if (after !== undefined && this.order.include(after)) {
      const entry = this.entry(after);
      this.entries.splice(this.insertionPoint(entry), 0, entry);
      this.members.set(after, entry);
    }
  }

  /**
   * Many changes at once (a list arriving, or a frame's worth of batches): drop the old entries in
   * one pass, sort the new, merge. A row may change more than once among them: a change whose
   * `before` was added earlier in the same call takes that entry back out of the additions.
   */
  private applyBulk(list: Array<RowChange<Row>>): void {
    const gone = new Set<Entry<Row>>();
    const adding = new Set<Entry<Row>>();
    for (const { before, after } of list) {
      const old = before === undefined ? undefined : this.members.get(before);
      if (old) {
        if (!adding.delete(old)) gone.add(old);
        this.members.delete(before!);
      }
      if (after !== undefined && this.order.include(after)) {
        const entry = this.entry(after);
        adding.add(entry);
        this.members.set(after, entry);
      }
    }
    const added = [...adding];
    const kept = gone.size > 0 ? this.entries.filter((entry) => !gone.has(entry)) : this.entries;
    added.sort((a, b) => this.compare(a, b));
    const merged: Array<Entry<Row>> = new Array(kept.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < added.length) merged[k++] = this.compare(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!;
    while (i < kept.length) merged[k++] = kept[i++]!;
    while (j < added.length) merged[k++] = added[j++]!;
    this.entries = merged;
  }

  private entry(row: Row): Entry<Row> {
    return { row, key: this.order.sortKey(row), tie: undefined };
  }

  private compare(a: Entry<Row>, b: Entry<Row>): number {
    let result = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    if (result === 0) {
      const x = (a.tie ??= this.order.tieKey(a.row));
      const y = (b.tie ??= this.order.tieKey(b.row));
      result = x < y ? -1 : x > y ? 1 : 0;
    }
    return this.order.descending ? -result : result;
  }

  /** The first index whose entry sorts after this one. */
  private insertionPoint(entry: Entry<Row>): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.entries[mid]!, entry) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private find(entry: Entry<Row>): number {
    const index = this.insertionPoint(entry) - 1;
    if (this.entries[index] !== entry) throw new Error('sorted view: an entry is not where its keys put it');
    return index;
  }
}
