// The Service table's columns: which exist, which show by default, how wide each may be. The
// defaults fit a 1280 px window with the sidebar open, also with the Cluster column of a
// multi-cluster view (a unit test holds that); cells truncate and show their whole text on hover.
// The user may hide or show columns and drag their widths; both are remembered. Pure.
import type { SortKey } from './service-rows';

export interface ColumnSpec {
  key: SortKey;
  /** The narrowest it gets, and its share of the space left over (0: exactly `min`). */
  min: number;
  fr: number;
  /** Always shown (the name), or shown only in a multi-cluster view (the cluster). */
  always?: true;
  multiCluster?: true;
}

export const COLUMNS: ColumnSpec[] = [
  { key: 'name', min: 130, fr: 2, always: true },
  { key: 'context', min: 80, fr: 1, multiCluster: true },
  { key: 'namespace', min: 80, fr: 1 },
  { key: 'type', min: 100, fr: 0.8 },
  { key: 'ports', min: 90, fr: 1.4 },
  { key: 'endpoints', min: 64, fr: 0 },
  { key: 'clusterIP', min: 96, fr: 0.8 },
  { key: 'external', min: 90, fr: 1.1 },
  { key: 'selector', min: 110, fr: 1.2 },
  { key: 'age', min: 44, fr: 0 },
];

/** The selector is read on the Service's page; hidden by default so the list fits. */
export const DEFAULT_HIDDEN: SortKey[] = ['selector'];

/** The checkbox column, and what each row's padding and gaps take. */
const CHECK = 36;
const ROW_PADDING = 24;
const GAP = 8;

export interface ColumnChoice {
  hidden: SortKey[];
  /** Widths the user dragged, in px. */
  widths: Partial<Record<SortKey, number>>;
}

export function visibleColumns(choice: ColumnChoice, multiCluster: boolean): ColumnSpec[] {
  return COLUMNS.filter((c) => (c.multiCluster ? multiCluster : c.always || !choice.hidden.includes(c.key)));
}

/** The CSS grid template for the rows: the checkbox, then each column at its chosen or flexible width. */
export function gridTemplate(columns: ColumnSpec[], choice: ColumnChoice): string {
  return [`${CHECK}px`, ...columns.map((c) => {
    const width = choice.widths[c.key];
    if (width !== undefined) return `${width}px`;
    return c.fr === 0 ? `${c.min}px` : `minmax(${c.min}px,${c.fr}fr)`;
  })].join(' ');
}

/** The narrowest the table can be with these columns: below it, it scrolls sideways. */
export function minimumWidth(columns: ColumnSpec[], choice: ColumnChoice): number {
  return CHECK + ROW_PADDING + columns.length * GAP + columns.reduce((sum, c) => sum + (choice.widths[c.key] ?? c.min), 0);
}

export const MIN_COLUMN_WIDTH = 40;
export const MAX_COLUMN_WIDTH = 800;
export const clampWidth = (px: number): number => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, px)));
