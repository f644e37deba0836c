// The list's per-cluster status lines, for many clusters: ops staff select tens of contexts, and a
// line each would push the list below the fold. Past a few, one summary line counts the clusters by
// state, and only those that need attention get a line, until the user asks for all. Pure.

export type StripState = 'loading' | 'live' | 'stale' | 'denied' | 'error' | 'stopped' | 'offline';
export const STRIP_STATES: StripState[] = ['live', 'loading', 'stale', 'denied', 'error', 'stopped', 'offline'];

/** Up to this many clusters, each has its line. */
export const STRIP_LINES = 4;

export interface StripView<T> {
  /** Clusters per state, in STRIP_STATES order (states with none left out); null when every line shows anyway. */
  counts: Array<{ state: StripState; n: number }> | null;
  /** The clusters that get a line. */
  lines: T[];
  /** How many have no line now (the user can expand). */
  folded: number;
}

export function stripView<T extends { state: StripState }>(clusters: T[], expanded: boolean): StripView<T> {
  if (clusters.length <= STRIP_LINES) return { counts: null, lines: clusters, folded: 0 };
  const counts = STRIP_STATES.map((state) => ({ state, n: clusters.filter((c) => c.state === state).length })).filter((c) => c.n > 0);
  const lines = expanded ? clusters : clusters.filter((c) => c.state !== 'live' && c.state !== 'loading');
  return { counts, lines, folded: clusters.length - lines.length };
}
