// Finds the Electron binary for `npm start` / `npm run dev`, and gets it through Electron's own
// installer (node_modules/electron/install.js, which uses @electron/get: ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR, the download cache, proxies) when it is missing. The electron package
// downloads its binary lazily, on the first `require('electron')`; electron-vite never makes that
// call (it reads path.txt itself and throws "Electron uninstall"), so without this step a fresh clone
// cannot start. Runs on plain Node before anything is built: no import from the app.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ElectronPackage {
  /** The folder of the installed `electron` npm package. */
  dir: string;
  version: string;
}

export type ElectronLookup =
  | { found: true; executable: string; source: 'override' | 'installed' }
  | { found: false; problem: 'override-empty' | 'not-downloaded'; expected: string };

export function readElectronPackage(dir: string): ElectronPackage {
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version };
}

/** The executable's path inside an Electron build, as electron/install.js names it. */
export function executableInDist(platform: NodeJS.Platform | string): string {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** Where the binary is, or what is missing: ELECTRON_OVERRIDE_DIST_PATH first, as electron's own index.js does. */
export function findElectron(pkg: ElectronPackage, env: NodeJS.ProcessEnv, platform: string = process.platform): ElectronLookup {
  const inDist = executableInDist(platform);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = join(override, inDist);
    return existsSync(executable) ? { found: true, executable, source: 'override' } : { found: false, problem: 'override-empty', expected: executable };
  }
  const executable = join(pkg.dir, 'dist', inDist);
  const installed = existsSync(executable) && existsSync(join(pkg.dir, 'path.txt')) && distVersion(pkg.dir) === pkg.version;
  return installed ? { found: true, executable, source: 'installed' } : { found: false, problem: 'not-downloaded', expected: executable };
}

function distVersion(dir: string): string | null {
  try {
    return readFileSync(join(dir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '');
  } catch {
    return null;
  }
}

/** The zip Electron's installer asks for, as @electron/get names and places it. */
export function electronZipUrl(version: string, env: NodeJS.ProcessEnv, platform: string = process.platform, arch: string = process.arch): string {
  const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? 'https://github.com/electron/electron/releases/download/';
  const customDir = (env.ELECTRON_CUSTOM_DIR ?? env.npm_config_electron_custom_dir ?? 'v{{ version }}').replace(/\{\{\s*version\s*\}\}/g, version);
  return `${mirror.endsWith('/') ? mirror : `${mirror}/`}${customDir}/${electronZipName(version, platform, arch)}`;
}

export function electronZipName(version: string, platform: string = process.platform, arch: string = process.arch): string {
  return `electron-v${version}-${platform}-${arch}.zip`;
}

/** What the sentence says is blocked, and how to give a local build instead, per command. */
export interface MissingElectronWording {
  blocked: string;
  localBuild: string;
}

export const START_WORDING: MissingElectronWording = {
  blocked: 'Portolan cannot start',
  localBuild: 'set ELECTRON_OVERRIDE_DIST_PATH to a folder with an unpacked build of it',
};

export const DIST_WORDING: MissingElectronWording = {
  blocked: 'Portolan cannot be packaged',
  localBuild: 'pass -c.electronDist=FOLDER with an unpacked build of it or its zip',
};

/** The one sentence a user gets when the binary cannot be had, with what to do about it. */
export function missingElectronSentence(
  pkg: ElectronPackage, lookup: Extract<ElectronLookup, { found: false }>, env: NodeJS.ProcessEnv,
  wording: MissingElectronWording, reason?: string,
): string {
  const wanted = `Electron ${pkg.version} for ${process.platform}-${process.arch}`;
  if (lookup.problem === 'override-empty') {
    return `${wording.blocked}: ELECTRON_OVERRIDE_DIST_PATH is set, but ${lookup.expected} does not exist; point it at an unpacked ${wanted} build (the folder that holds ${executableInDist(process.platform)}) or unset it to download Electron.`;
  }
  const why = reason ? ` (${reason})` : '';
  return `${wording.blocked}: ${wanted} is not installed and could not be downloaded from ${electronZipUrl(pkg.version, env)}${why}; ` +
    `connect to the internet (behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1), set ELECTRON_MIRROR to a mirror that has ${electronZipName(pkg.version)}, ` +
    `or ${wording.localBuild}, then run the command again.`;
}

/** Why a download failed, in a few words taken from a tool's output (an HTTP status, a network error), without its stack. */
export function downloadFailureReason(output: string): string | undefined {
  const patterns = [
    /Response code \d{3} \([^)]*\)/,
    /\b(?:getaddrinfo |connect )?(?:ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b(?: [\w.:[\]-]+)?/,
    /\bfetch failed\b/,
    /\bchecksum[^\n]*/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(output);
    if (match) return match[0].trim().slice(0, 200);
  }
  return output.split('\n').map((l) => l.trim()).find((l) => /^[A-Za-z]*Error\b/.test(l))?.slice(0, 200);
}

/** Runs electron's own install.js; resolves with its error output's reason when it fails. */
export function runElectronInstaller(pkg: ElectronPackage, env: NodeJS.ProcessEnv): Promise<{ ok: true } | { ok: false; reason: string | undefined }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(pkg.dir, 'install.js')], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString();
    });
    child.on('error', (error) => resolve({ ok: false, reason: error.message }));
    child.on('close', (code) => resolve(code === 0 ? { ok: true } : { ok: false, reason: downloadFailureReason(stderr) }));
  });
}

/** The executable to run, downloading it first when needed; the user's sentence as the error otherwise. */
export async function ensureElectron(pkg: ElectronPackage, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string> {
  const first = findElectron(pkg, env);
  if (first.found) return first.executable;
  if (first.problem === 'override-empty') throw new ElectronMissingError(missingElectronSentence(pkg, first, env, START_WORDING));
  log(`Electron ${pkg.version} is not installed yet: downloading it once (${electronZipUrl(pkg.version, env)})…`);
  const installed = await runElectronInstaller(pkg, env);
  const second = findElectron(pkg, env);
  if (second.found) return second.executable;
  throw new ElectronMissingError(missingElectronSentence(pkg, second, env, START_WORDING, installed.ok ? 'the installer left no binary' : installed.reason));
}

export class ElectronMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ElectronMissingError';
  }
}
