// Rows of any live list kept in one Map by `context/uid`: a batch applied, with what changed (each
// row before and after) for views that follow. Pure: unit-tested.
import type { RowsBatch } from '../../../electron/api/types';
import type { RowChange } from './sorted-view';

/** What every row has: its object's uid and its context (and, for kinds that carry it, a resourceVersion). */
export interface LiveRow {
  uid: string;
  context: string;
  resourceVersion?: string;
}

export const rowKey = (row: Pick<LiveRow, 'context' | 'uid'>): string => `${row.context}/${row.uid}`;

/** resourceVersions are opaque, but etcd's are integers: compare them as such when both are. */
function isOlder(candidate: string | undefined, known: string | undefined): boolean {
  if (candidate === undefined || known === undefined || !/^\d+$/.test(candidate) || !/^\d+$/.test(known)) return false;
  return candidate.length !== known.length ? candidate.length < known.length : candidate < known;
}

/**
 * Applies one batch to the rows and returns what changed (each row before and after), for the
 * sorted view to follow. Older versions never win.
 */
export function applyBatch<R extends LiveRow>(rows: Map<string, R>, batch: Pick<RowsBatch, 'context' | 'deleted'> & { upserted: R[] }): Array<RowChange<R>> {
  const changes: Array<RowChange<R>> = [];
  for (const row of batch.upserted) {
    const key = rowKey(row);
    const known = rows.get(key);
    if (known && isOlder(row.resourceVersion, known.resourceVersion)) continue;
    rows.set(key, row);
    changes.push({ before: known, after: row });
  }
  for (const uid of batch.deleted) {
    const key = `${batch.context}/${uid}`;
    const known = rows.get(key);
    if (!known) continue;
    rows.delete(key);
    changes.push({ before: known });
  }
  return changes;
}
