// The bench's CPU accounting (test/bench/process-cpu.ts) against the kernel's own: a grandchild that
// spins through a window is charged a real share of it, to its tree and to the machine; one that
// sleeps is charged nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { childrenNamed, cpuMs, machineMs, snapshot } from '../../bench/process-cpu';

const spin = (ms: number): string => `const end = Date.now() + ${ms}; while (Date.now() < end);`;

describe.runIf(existsSync('/proc/stat'))('process CPU time from /proc', () => {
  it('charges a spinning grandchild to its tree and to the machine', async () => {
    // A grandchild through a shell: the tree is walked, the root (the shell) does nothing itself.
    const child = spawn('sh', ['-c', `"${process.execPath}" -e '${spin(5000)}'; true`], { stdio: 'ignore' });
    let before = snapshot()!;
    const spinner = (): number | undefined => [...before.processes].find(([, p]) => p.ppid === child.pid)?.[0];
    while (spinner() === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      before = snapshot()!;
    }
    const grandchild = spinner()!;
    await new Promise((resolve) => setTimeout(resolve, 700));
    const during = snapshot()!;
    process.kill(grandchild);
    const used = cpuMs(before, during, [child.pid!]);
    // At least a share of one core for 700 ms (the suite's other workers run meanwhile), at most all of it.
    expect(used).toBeGreaterThanOrEqual(150);
    expect(used).toBeLessThanOrEqual(900);
    const machine = machineMs(before, during);
    expect(machine.busy).toBeGreaterThanOrEqual(used - 20);
    expect(machine.available).toBeGreaterThanOrEqual(machine.busy);
  });

  it('charges nothing to a tree that sleeps, and finds children by name', async () => {
    const before = snapshot()!;
    const child = spawn('sleep', ['1'], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const during = snapshot()!;
    expect(childrenNamed(during, 'sleep')).toEqual([child.pid]);
    expect(cpuMs(before, during, [child.pid!])).toBeLessThanOrEqual(30);
    child.kill();
  });
});
