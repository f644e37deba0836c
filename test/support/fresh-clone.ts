// A fresh clone of the project in a temporary folder, as a new user has it after `npm install`: the
// project's files and its node_modules, but no Electron binary; and npm run there in a clean environment.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** The project's files (tracked or new, not ignored, tests left out) and its node_modules, minus any Electron binary. */
export function freshCopy(project = process.cwd()): string {
  const root = mkdtempSync(join(tmpdir(), 'portolan-fresh-clone-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: project, encoding: 'utf8' })
    .split('\0').filter((f) => f && !f.startsWith('test/') && existsSync(join(project, f)));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(project, file), join(root, file));
  }
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(project, 'node_modules'))) {
    const from = join(project, 'node_modules', entry);
    if (entry === 'electron') {
      // The package as npm installs it: no dist/, no path.txt (those come from the first download).
      cpSync(from, join(modules, entry), { recursive: true, filter: (src) => !/^(dist|path\.txt)(\/|$)/.test(relative(from, src)) });
    } else if (entry === '.bin') {
      cpSync(from, join(modules, entry), { recursive: true, verbatimSymlinks: true });
    } else {
      symlinkSync(from, join(modules, entry));
    }
  }
  return root;
}

/** The user's environment, with no Electron setting of ours leaking in, and caches of its own. */
export function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|electron_)/i.test(key)));
  const caches = mkdtempSync(join(tmpdir(), 'portolan-electron-cache-'));
  return { ...env, electron_config_cache: join(caches, 'electron'), ELECTRON_BUILDER_CACHE: join(caches, 'builder'), ...extra };
}

export function npm(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** The last line a user reads, before npm's own error epilogue. */
export function lastLine(output: string): string {
  return output.trim().split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm error')).at(-1) ?? '';
}

