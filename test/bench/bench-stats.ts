// The bench's figures: each is the median of its runs with min and max, the machine's load while it
// was measured, and (where there is one) the reference measured in the same runs next to it.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { machineTicks } from './process-cpu';

export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface Figure {
  name: string;
  unit: 'ms' | 'MB' | 'events' | 'KB';
  portolan: Stat;
  reference: { name: string; stat: Stat } | null;
  /** What the figure should meet, in words (e.g. "< 100 ms", "≤ 1.3× the floor"). */
  goal: string | null;
  /** 1-minute load average when the runs began and ended. */
  load: [number, number];
}

export function stat(samples: number[]): Stat {
  if (samples.length === 0) throw new Error('a figure without samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length };
}

/** How long `work` took, ms. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return performance.now() - began;
}

/** The p-th percentile (0-100) of one run's samples, nearest rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export class FigureBook {
  readonly figures: Figure[] = [];
  private readonly pending = new Map<string, { portolan: number[]; reference: number[]; load: number }>();

  /** Records one run's sample of a figure (and of its reference, when it has one). */
  sample(name: string, portolan: number, reference?: number): void {
    const entry = this.pending.get(name) ?? { portolan: [], reference: [], load: loadavg()[0]! };
    // A percentile of nothing (a receiver that got no event in a run) is no sample.
    if (!Number.isNaN(portolan)) entry.portolan.push(portolan);
    if (reference !== undefined && !Number.isNaN(reference)) entry.reference.push(reference);
    this.pending.set(name, entry);
  }

  /** Closes a figure once its runs are done. */
  close(name: string, unit: Figure['unit'], reference: string | null, goal: string | null = null): void {
    const entry = this.pending.get(name);
    if (!entry) throw new Error(`no samples for "${name}"`);
    this.pending.delete(name);
    this.figures.push({
      name, unit, goal, load: [entry.load, loadavg()[0]!],
      portolan: stat(entry.portolan),
      reference: reference && entry.reference.length > 0 ? { name: reference, stat: stat(entry.reference) } : null,
    });
  }
}

const round = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const show = (s: Stat, unit: string): string => `${round(s.median)} ${unit} (${round(s.min)}–${round(s.max)})`;

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    show(f.portolan, f.unit),
    f.reference ? `${show(f.reference.stat, f.unit)} ${f.reference.name}` : '—',
    f.reference && f.reference.stat.median > 0 ? `${(f.portolan.median / f.reference.stat.median).toFixed(2)}×` : '',
    f.goal ?? '',
    `${f.portolan.runs}`,
    `${f.load[0].toFixed(1)}→${f.load[1].toFixed(1)}`,
  ]);
  const head = ['figure', 'Portolan median (min–max)', 'reference, same runs', 'ratio', 'goal', 'runs', 'load'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Waits (at most `maxMs`) until the machine is quiet: at least `idle` of its CPU time idle over half
 * a second. The clusters keep working after a step (the EndpointSlice controller mirrors a burst's
 * labels, apiservers compact), and a run that starts meanwhile measures them, not Portolan. Where
 * /proc/stat is missing it does not wait.
 */
export async function settle(idle = 0.7, maxMs = 20_000): Promise<void> {
  if (!existsSync('/proc/stat')) return;
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const a = machineTicks();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const b = machineTicks();
    const total = b.total - a.total;
    if ((total - (b.busy - a.busy)) / Math.max(1, total) >= idle) return;
  }
}
