// Finding the Electron binary and saying what is missing: the logic behind `npm start`'s first run.
// (The download itself, through Electron's installer and a local mirror, is in
// test/integration/electron-first-run.test.ts.)
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DIST_WORDING, downloadFailureReason, electronZipUrl, executableInDist, findElectron, missingElectronSentence,
  readElectronPackage, START_WORDING,
} from '../../../electron/launch/electron-binary';

function electronPackage(version = '45.5.0'): string {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-electron-pkg-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version }));
  return dir;
}

function install(dir: string, version: string): void {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'electron'), '');
  writeFileSync(join(dir, 'dist', 'version'), version);
  writeFileSync(join(dir, 'path.txt'), 'electron');
}

describe('findElectron', () => {
  it('names the executable inside a build per platform, as electron/install.js does', () => {
    expect(executableInDist('linux')).toBe('electron');
    expect(executableInDist('freebsd')).toBe('electron');
    expect(executableInDist('win32')).toBe('electron.exe');
    expect(executableInDist('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(executableInDist('mas')).toBe('Electron.app/Contents/MacOS/Electron');
  });

  it('finds an installed binary only when its version is the pinned one', () => {
    const dir = electronPackage();
    const pkg = readElectronPackage(dir);
    expect(findElectron(pkg, {}, 'linux')).toEqual({ found: false, problem: 'not-downloaded', expected: join(dir, 'dist', 'electron') });
    install(dir, 'v45.4.0');
    expect(findElectron(pkg, {}, 'linux').found).toBe(false);
    install(dir, 'v45.5.0');
    expect(findElectron(pkg, {}, 'linux')).toEqual({ found: true, executable: join(dir, 'dist', 'electron'), source: 'installed' });
  });

  it('takes ELECTRON_OVERRIDE_DIST_PATH first, and says when that folder has no executable', () => {
    const dir = electronPackage();
    install(dir, '45.5.0');
    const pkg = readElectronPackage(dir);
    const override = mkdtempSync(join(tmpdir(), 'portolan-override-'));
    expect(findElectron(pkg, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux'))
      .toEqual({ found: false, problem: 'override-empty', expected: join(override, 'electron') });
    writeFileSync(join(override, 'electron'), '');
    expect(findElectron(pkg, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux'))
      .toEqual({ found: true, executable: join(override, 'electron'), source: 'override' });
  });
});

describe('electronZipUrl', () => {
  it('is the GitHub release by default, as @electron/get asks for it', () => {
    expect(electronZipUrl('45.5.0', {}, 'linux', 'x64')).toBe('https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip');
  });
  it('follows ELECTRON_MIRROR (with or without a trailing slash) and ELECTRON_CUSTOM_DIR', () => {
    expect(electronZipUrl('45.5.0', { ELECTRON_MIRROR: 'https://mirror.example/electron' }, 'darwin', 'arm64'))
      .toBe('https://mirror.example/electron/v45.5.0/electron-v45.5.0-darwin-arm64.zip');
    expect(electronZipUrl('45.5.0', { ELECTRON_MIRROR: 'https://m.example/', ELECTRON_CUSTOM_DIR: '{{ version }}' }, 'win32', 'x64'))
      .toBe('https://m.example/45.5.0/electron-v45.5.0-win32-x64.zip');
    expect(electronZipUrl('45.5.0', { npm_config_electron_mirror: 'https://npm.example/' }, 'linux', 'arm64'))
      .toBe('https://npm.example/v45.5.0/electron-v45.5.0-linux-arm64.zip');
  });
});

describe('the sentence', () => {
  const pkg = { dir: '/p/node_modules/electron', version: '45.5.0' };
  const missing = { found: false, problem: 'not-downloaded', expected: '/p/node_modules/electron/dist/electron' } as const;

  it('is one sentence that says what is missing, where it was looked for, and three ways to provide it', () => {
    const sentence = missingElectronSentence(pkg, missing, { ELECTRON_MIRROR: 'http://127.0.0.1:9/' }, START_WORDING, 'Response code 404 (Not Found)');
    expect(sentence).toMatch(/^Portolan cannot start: Electron 45\.5\.0 for \S+ is not installed and could not be downloaded from http:\/\/127\.0\.0\.1:9\/v45\.5\.0\/electron-v45\.5\.0-\S+\.zip \(Response code 404 \(Not Found\)\); /);
    expect(sentence).toMatch(/ELECTRON_GET_USE_PROXY.*ELECTRON_MIRROR.*ELECTRON_OVERRIDE_DIST_PATH/);
    expect(sentence.endsWith('then run the command again.')).toBe(true);
    expect(sentence).not.toContain('\n');
  });
  it('names electron-builder\'s own setting for `npm run dist`', () => {
    const sentence = missingElectronSentence(pkg, missing, {}, DIST_WORDING);
    expect(sentence).toMatch(/^Portolan cannot be packaged: /);
    expect(sentence).toContain('-c.electronDist=FOLDER');
    expect(sentence).not.toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });
});

describe('downloadFailureReason', () => {
  it('keeps the few words that say why, without the stack', () => {
    const got = 'HTTPError: Response code 404 (Not Found) for http://127.0.0.1:1/v45.5.0/x.zip\n    at Request._onResponseBase (index.js:913:31)';
    expect(downloadFailureReason(got)).toBe('Response code 404 (Not Found)');
    expect(downloadFailureReason('RequestError: getaddrinfo ENOTFOUND github.com\n    at x')).toBe('getaddrinfo ENOTFOUND github.com');
    expect(downloadFailureReason('TypeError: fetch failed\n    at node:internal')).toBe('fetch failed');
    expect(downloadFailureReason('connect ECONNREFUSED 127.0.0.1:9')).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(downloadFailureReason('Error: Generated checksum for "x.zip" did not match expected checksum.')).toBe('checksum for "x.zip" did not match expected checksum.');
    expect(downloadFailureReason('SomeError: odd\n  at y')).toBe('SomeError: odd');
    expect(downloadFailureReason('nothing useful')).toBeUndefined();
  });
});
