// A stand-in for an unpacked Electron build, good enough for electron-builder to package: an
// executable that carries Electron's fuse wire (the sentinel, version 1, then one '0'/'1' per fuse,
// as the real binary lays it out), so the fuses electron-builder flips can be read back.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** The fuses in wire order (FuseV1Options of @electron/fuses), named as electron-builder.yml names them. */
export const FUSE_ORDER = [
  'runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

/** A folder to pass as electronDist: `electron` (a shell script with every fuse on) and `version`. */
export function fakeElectronBuild(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-fake-electron-'));
  mkdirSync(join(dir, 'resources'));
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, FUSE_ORDER.length]), Buffer.from('1'.repeat(FUSE_ORDER.length))]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n# '), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  return dir;
}

/** The fuses of a binary, read from its wire. */
export function readFuses(binary: string): Record<(typeof FUSE_ORDER)[number], boolean> {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(SENTINEL);
  if (at < 0) throw new Error(`${binary} has no fuse wire`);
  const length = bytes[at + SENTINEL.length + 1]!;
  const fuses = bytes.subarray(at + SENTINEL.length + 2, at + SENTINEL.length + 2 + length).toString();
  return Object.fromEntries(FUSE_ORDER.map((name, i) => [name, fuses[i] === '1'])) as Record<(typeof FUSE_ORDER)[number], boolean>;
}
