// CPU time each party used during a window, from /proc (Linux): core, Chromium, the clusters and the
// whole machine. On the bench's two cores every process shares the same CPUs, so a wall-clock figure
// says little without them: page load → all rows live has been seen to keep both cores busy from
// start to end, Chromium using about 45% of the machine, the clusters 25% and core 17%.
// Where /proc is missing, snapshot() gives null and no figure is recorded.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface CpuSnapshot {
  /** pid → its parent and the CPU time (user + system) it has used, in clock ticks. */
  processes: Map<number, { ppid: number; ticks: number; name: string }>;
  /** The machine: ticks busy (neither idle nor waiting for I/O) and ticks in all, over every core. */
  busy: number;
  total: number;
}

let msPerTick: number | null = null;
function tickMs(): number {
  msPerTick ??= 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  return msPerTick;
}

export function snapshot(): CpuSnapshot | null {
  if (!existsSync('/proc/stat')) return null;
  const processes: CpuSnapshot['processes'] = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The name is in parentheses and may hold spaces or parentheses itself: the fields follow its last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
    } catch {
      // The process ended while the list was read.
    }
  }
  return { processes, ...machineTicks() };
}

/** The machine's clock ticks since boot over every core: busy (neither idle nor waiting for I/O) and in all. */
export function machineTicks(): { busy: number; total: number } {
  // user nice system idle iowait irq softirq steal (guest time is already counted in user and nice).
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - cpu[3]! - (cpu[4] ?? 0), total };
}

/** The processes of `after` that are one of `roots` or descend from one. */
function trees(after: CpuSnapshot, roots: Set<number>): number[] {
  const within = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = after.processes.get(p)?.ppid, hops += 1) {
      if (roots.has(p)) return true;
    }
    return false;
  };
  return [...after.processes.keys()].filter(within);
}

/** CPU time (ms) the process trees rooted at `roots` used between the snapshots (a process started meanwhile counts from zero). */
export function cpuMs(before: CpuSnapshot, after: CpuSnapshot, roots: number[]): number {
  const ticks = trees(after, new Set(roots)).reduce((sum, pid) => sum + after.processes.get(pid)!.ticks - (before.processes.get(pid)?.ticks ?? 0), 0);
  return ticks * tickMs();
}

/** This process's children whose name starts with `prefix` (Chromium, as Playwright launched it: "chromium", "chrome"). */
export function childrenNamed(snap: CpuSnapshot, prefix: string): number[] {
  return [...snap.processes].filter(([, p]) => p.ppid === process.pid && p.name.startsWith(prefix)).map(([pid]) => pid);
}

/** The machine's CPU time (ms, every core) busy between the snapshots, and what its cores could have given meanwhile. */
export function machineMs(before: CpuSnapshot, after: CpuSnapshot): { busy: number; available: number } {
  return { busy: (after.busy - before.busy) * tickMs(), available: (after.total - before.total) * tickMs() };
}
