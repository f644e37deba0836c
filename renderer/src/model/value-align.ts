// Plain-value comparison and list alignment, for the minimal text edits in text-patch.ts. Pure.

export const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Key order aside, whether two plain values are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return Object.is(a, b) || (a === null && b === undefined) || (a === undefined && b === null);
}

export interface Step { old?: number; new?: number }

/**
 * Lines up old and new list items: equal items are kept (longest common subsequence), and within each
 * gap between them old and new items are paired in order (edited), the rest deleted or added.
 */
export function align(old: unknown[], wanted: unknown[]): Step[] {
  const n = old.length;
  const m = wanted.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) lcs[i]![j] = sameValue(old[i], wanted[j]) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const steps: Step[] = [];
  let gapOld: number[] = [];
  let gapNew: number[] = [];
  const closeGap = (): void => {
    const paired = Math.min(gapOld.length, gapNew.length);
    for (let k = 0; k < paired; k += 1) steps.push({ old: gapOld[k]!, new: gapNew[k]! });
    for (const o of gapOld.slice(paired)) steps.push({ old: o });
    for (const w of gapNew.slice(paired)) steps.push({ new: w });
    gapOld = [];
    gapNew = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sameValue(old[i], wanted[j])) {
      closeGap();
      steps.push({ old: i, new: j });
      i += 1;
      j += 1;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      gapOld.push(i);
      i += 1;
    } else {
      gapNew.push(j);
      j += 1;
    }
  }
  closeGap();
  return steps;
}
