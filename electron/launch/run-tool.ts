// Runs an npm package's command-line tool on this Node, passing signals on and exiting with its code.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of an installed package, as this project resolves it. */
export function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Starts `node <package>/<bin> ...args`; the caller decides what its exit means. */
export function spawnTool(name: string, bin: string, args: string[], env: NodeJS.ProcessEnv, stdio: 'inherit' | 'pipe'): ChildProcess {
  const child = spawn(process.execPath, [join(packageDir(name), bin), ...args], { env, stdio: ['inherit', stdio, stdio] });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  return child;
}

/** The exit code to leave with: the child's, or 1 when a signal ended it. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? (signal ? 1 : 0);
}
