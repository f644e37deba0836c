import { describe, expect, it } from 'vitest';
import { DEFAULT_HIDDEN, gridTemplate, minimumWidth, visibleColumns } from '../../../renderer/src/model/table-columns';

// 1280 px window − 280 px sidebar − the page's padding (2 × 32) − the table's borders.
const AVAILABLE_AT_1280 = 1280 - 280 - 64 - 2;

describe('table columns', () => {
  const defaults = { hidden: [...DEFAULT_HIDDEN], widths: {} };

  it('fit a 1280 px window by default, also with the Cluster column of a multi-cluster view', () => {
    expect(minimumWidth(visibleColumns(defaults, true), defaults)).toBeLessThanOrEqual(AVAILABLE_AT_1280);
    expect(visibleColumns(defaults, true).map((c) => c.key)).toEqual(['name', 'context', 'namespace', 'type', 'ports', 'endpoints', 'clusterIP', 'external', 'age']);
    expect(visibleColumns(defaults, false).map((c) => c.key)).not.toContain('context');
  });

  it('follow what the user hid, showed and resized', () => {
    const choice = { hidden: ['clusterIP' as const], widths: { name: 300 } };
    const columns = visibleColumns(choice, false);
    expect(columns.map((c) => c.key)).toEqual(['name', 'namespace', 'type', 'ports', 'endpoints', 'external', 'selector', 'age']);
    expect(gridTemplate(columns, choice).split(' ').slice(0, 3)).toEqual(['36px', '300px', 'minmax(80px,1fr)']);
    expect(minimumWidth(columns, choice)).toBeGreaterThan(minimumWidth(columns, { hidden: [], widths: {} }));
  });
});
