// A new user's first command, without the internet: `npm start` and `npm run dist` on a fresh copy of
// the project (no Electron binary), with ELECTRON_MIRROR pointing at a local server this test runs.
// They must ask that server for the pinned Electron zip through Electron's own installer, run what it
// serves, and end with one sentence (no stack trace) when it answers 404.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronZipName, executableInDist, readElectronPackage } from '../../electron/launch/electron-binary.ts';
import { freshCopy, lastLine, npm, userEnv } from '../support/fresh-clone.ts';
import { storedZip } from '../support/stored-zip.ts';

const pkg = readElectronPackage(join(process.cwd(), 'node_modules', 'electron'));
const zipName = electronZipName(pkg.version);
const zipPath = `/v${pkg.version}/${zipName}`;

interface Mirror {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A local release mirror: serves `files` by path, 404 for anything else, and records every request. */
async function startMirror(files: Record<string, Buffer | string>): Promise<Mirror> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files[req.url ?? ''];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((done) => server.close(() => done())) };
}

let mirror: Mirror | null = null;
afterEach(async () => {
  await mirror?.close();
  mirror = null;
});

describe('npm start on a fresh clone', () => {
  it('downloads the pinned Electron through its own installer from ELECTRON_MIRROR, then runs it', async () => {
    // A stand-in for the release zip (a script named as Electron's executable), verified against the
    // mirror's SHASUMS256.txt as Electron's installer does with electron_use_remote_checksums.
    const zip = storedZip([
      { name: executableInDist(process.platform), mode: 0o755, content: '#!/bin/sh\npwd > "$PORTOLAN_FAKE_ELECTRON_LOG"\nprintf "%s\\n" "$@" >> "$PORTOLAN_FAKE_ELECTRON_LOG"\n' },
      { name: 'version', content: pkg.version },
    ]);
    const sha = createHash('sha256').update(zip).digest('hex');
    mirror = await startMirror({ [zipPath]: zip, [`/v${pkg.version}/SHASUMS256.txt`]: `${sha} *${zipName}\n` });
    const copy = freshCopy();
    const log = join(copy, 'fake-electron.log');
    const result = await npm(copy, ['start'], userEnv({ ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1', PORTOLAN_FAKE_ELECTRON_LOG: log }));

    expect(result.code, result.output).toBe(0);
    expect(mirror.requests).toContain(zipPath);
    expect(readFileSync(join(copy, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe(executableInDist(process.platform));
    // electron-vite built the app, then started the downloaded binary on it.
    expect(existsSync(join(copy, 'out', 'main', 'index.js'))).toBe(true);
    expect(readFileSync(log, 'utf8').split('\n').slice(0, 2)).toEqual([resolve(copy), '.']);
  }, 300_000);

  it('ends with one sentence, not a stack trace, when the mirror answers 404', async () => {
    mirror = await startMirror({});
    const copy = freshCopy();
    const result = await npm(copy, ['start'], userEnv({ ELECTRON_MIRROR: mirror.url }));

    expect(result.code).not.toBe(0);
    expect(mirror.requests).toContain(zipPath);
    const sentence = lastLine(result.output);
    expect(sentence).toMatch(new RegExp(`^Portolan cannot start: Electron ${pkg.version.replace(/\./g, '\\.')} for ${process.platform}-${process.arch} is not installed`));
    expect(sentence).toContain(`${mirror.url}v${pkg.version}/${zipName} (Response code 404 (Not Found))`);
    expect(sentence).toMatch(/ELECTRON_MIRROR.*ELECTRON_OVERRIDE_DIST_PATH/);
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(existsSync(join(copy, 'out')), 'nothing is built without Electron').toBe(false);
  }, 120_000);

  it('names ELECTRON_OVERRIDE_DIST_PATH when it points at a folder without Electron, and downloads nothing', async () => {
    mirror = await startMirror({});
    const empty = mkdtempSync(join(tmpdir(), 'portolan-no-electron-'));
    const result = await npm(freshCopy(), ['start'], userEnv({ ELECTRON_MIRROR: mirror.url, ELECTRON_OVERRIDE_DIST_PATH: empty }));

    expect(result.code).not.toBe(0);
    expect(mirror.requests).toEqual([]);
    expect(lastLine(result.output)).toBe(
      `Portolan cannot start: ELECTRON_OVERRIDE_DIST_PATH is set, but ${join(empty, executableInDist(process.platform))} does not exist; ` +
      `point it at an unpacked Electron ${pkg.version} for ${process.platform}-${process.arch} build (the folder that holds ${executableInDist(process.platform)}) or unset it to download Electron.`);
  }, 120_000);
});

describe('npm run dist on a fresh clone', () => {
  it('reads electron-builder.yml, asks the mirror for the same Electron zip, and ends with the sentence on 404', async () => {
    mirror = await startMirror({});
    const copy = freshCopy();
    const result = await npm(copy, ['run', 'dist'], userEnv({ ELECTRON_MIRROR: mirror.url }));

    expect(result.code).not.toBe(0);
    expect(mirror.requests).toContain(zipPath);
    const sentence = lastLine(result.output);
    expect(sentence).toMatch(/^Portolan cannot be packaged: /);
    expect(sentence).toContain('(Response code 404 (Not Found))');
    expect(sentence).toContain('-c.electronDist=FOLDER');
  }, 300_000);

  it('validates electron-builder.yml before that download: a broken copy of it stops the build first', async () => {
    mirror = await startMirror({});
    const copy = freshCopy();
    const config = join(copy, 'electron-builder.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('asar: true', 'asar: true\nnotAnElectronBuilderOption: 1'));
    const result = await npm(copy, ['run', 'dist'], userEnv({ ELECTRON_MIRROR: mirror.url }));

    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Invalid configuration object[\s\S]*notAnElectronBuilderOption/);
    expect(mirror.requests).toEqual([]);
  }, 300_000);
});
