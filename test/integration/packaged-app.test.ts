// `npm run dist` packages what users run: on a fresh clone, with a stand-in Electron build as
// electronDist (the real one cannot be downloaded here), the packaged app has its fuses flipped as
// electron-builder.yml says, and an asar with the built app and only the production dependencies.
import { listPackage } from '@electron/asar';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { readElectronPackage } from '../../electron/launch/electron-binary.ts';
import { fakeElectronBuild, readFuses } from '../support/fake-electron-build.ts';
import { freshCopy, npm, userEnv } from '../support/fresh-clone.ts';

it('packages the app with the configured fuses and only the production dependencies', async () => {
  const pkg = readElectronPackage(join(process.cwd(), 'node_modules', 'electron'));
  const copy = freshCopy();
  // A mirror nobody answers on: packaging from electronDist must not download anything.
  const result = await npm(copy, ['run', 'dist', '--', '--dir', `-c.electronDist=${fakeElectronBuild(pkg.version)}`],
    userEnv({ ELECTRON_MIRROR: 'http://127.0.0.1:9/' }));
  expect(result.code, result.output).toBe(0);
  expect(result.output).not.toContain('Portolan cannot be packaged');

  const unpacked = join(copy, 'dist', `${process.platform}-unpacked`);
  const config = parse(readFileSync(join(copy, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
  expect(readFuses(join(unpacked, 'portolan'))).toMatchObject(config.electronFuses);

  const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false });
  for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) expect(files).toContain(file);
  const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  for (const dependency of Object.keys(manifest.dependencies)) expect(files, dependency).toContain(`/node_modules/${dependency}/package.json`);
  // @types/node ships only because @kubernetes/client-node lists it among its dependencies.
  const shippedByADependency = new Set(['@types/node']);
  for (const dev of Object.keys(manifest.devDependencies).filter((d) => !shippedByADependency.has(d))) {
    expect(files, dev).not.toContain(`/node_modules/${dev}/package.json`);
  }
  expect(files.some((f) => f.startsWith('/test/') || f.startsWith('/electron/') || f.startsWith('/renderer/'))).toBe(false);
}, 300_000);
