// `npm run dist`: electron-builder as it is (it downloads the pinned Electron zip itself, through
// @electron/get and ELECTRON_MIRROR), its output passed through; when it fails for want of that zip,
// the last line says so in one sentence, as `npm start` does. Usage: node electron/launch/run-electron-builder.ts [...]
import { DIST_WORDING, downloadFailureReason, electronZipName, missingElectronSentence, readElectronPackage } from './electron-binary.ts';
import { exitCodeOf, packageDir, spawnTool } from './run-tool.ts';

const pkg = readElectronPackage(packageDir('electron'));
const child = spawnTool('electron-builder', 'cli.js', process.argv.slice(2), process.env, 'pipe');
let tail = '';
const keep = (chunk: Buffer): void => {
  tail = (tail + chunk.toString()).slice(-64 * 1024);
};
child.stdout?.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  keep(chunk);
});
child.stderr?.on('data', (chunk: Buffer) => {
  process.stderr.write(chunk);
  keep(chunk);
});
child.on('close', (code, signal) => {
  const exit = exitCodeOf(code, signal);
  const zip = electronZipName(pkg.version);
  if (exit !== 0 && tail.includes(zip)) {
    const lookup = { found: false, problem: 'not-downloaded', expected: `${pkg.dir}/dist` } as const;
    console.error(`\n${missingElectronSentence(pkg, lookup, process.env, DIST_WORDING, downloadFailureReason(tail))}`);
  }
  process.exit(exit);
});
