// The bench's clusters stand in for remote machines, yet here they share the bench's two cores with
// Portolan and Chromium. Each cluster process is started detached (its own session), and with
// Linux's autogroup scheduling (on by default) each session gets an equal share of the CPU: six busy
// etcd and API server processes against one share for Chromium, Portolan's core and the bench
// together. A trace of the page then showed a 146 ms task that ran 5 ms: the page's main thread was
// waiting for a core. `--cluster-nice N` runs the clusters at a lower priority (a higher niceness),
// for their sessions and each of their threads: they still get every cycle nobody else wants.
import { readdirSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { TestCluster } from '../cluster/test-cluster';

/** Sets the niceness of every process of the clusters: its autogroup (Linux) and each of its threads. Returns the threads changed. */
export function setClusterNiceness(clusters: TestCluster[], niceness: number): number {
  let changed = 0;
  for (const cluster of clusters) {
    for (const proc of Object.values(cluster.state.processes)) {
      if (!proc) continue;
      try {
        writeFileSync(`/proc/${proc.pid}/autogroup`, `${niceness}`);
      } catch {
        // No autogroup scheduling here (another OS, or a kernel without it): thread niceness is what counts.
      }
      for (const id of threadIds(proc.pid)) {
        try {
          setPriority(id, niceness);
          changed += 1;
        } catch {
          // The thread ended meanwhile, or (not root) a priority lowered by an earlier run cannot be
          // raised again: the count tells.
        }
      }
    }
  }
  return changed;
}

/** On Linux a process's threads each have their own niceness (new ones inherit it from their creator). */
function threadIds(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [pid];
  }
}
