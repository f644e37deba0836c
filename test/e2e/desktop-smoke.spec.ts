// The desktop app itself, packaged as users get it: electron-builder --dir with the fuses of
// electron-builder.yml, then Playwright's Electron driver against a test cluster. Runs wherever an
// Electron binary is present (ELECTRON_OVERRIDE_DIST_PATH, or one `npm start` downloaded into
// node_modules/electron); elsewhere it is reported as skipped, with the reason.
// One fuse differs from the shipped app on purpose: Playwright drives Electron through --inspect, so
// EnableNodeCliInspectArguments stays on here (electron-builder.yml turns it off for users).
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { methodNames } from '../../electron/api/contract';
import { findElectron, readElectronPackage } from '../../electron/launch/electron-binary';
import { loadClusters } from '../cluster/clusters';
import { expect, test } from './fixtures';

const pkg = readElectronPackage(join(process.cwd(), 'node_modules', 'electron'));
const binary = findElectron(pkg, process.env);
const SKIP_REASON = 'no Electron binary on this machine (set ELECTRON_OVERRIDE_DIST_PATH, or run `npm start` once to download one)';

/** electron-builder --dir into a fresh folder, from the Electron build at hand; returns the app's executable. */
function packageApp(electronDist: string): string {
  const output = mkdtempSync(join(tmpdir(), 'portolan-packaged-'));
  const builder = join(process.cwd(), 'node_modules', 'electron-builder', 'cli.js');
  const run = spawnSync(process.execPath, [builder, '--dir', `-c.electronDist=${electronDist}`, `-c.electronVersion=${pkg.version}`,
    `-c.directories.output=${output}`, '-c.electronFuses.enableNodeCliInspectArguments=true'], { encoding: 'utf8', stdio: 'pipe' });
  if (run.status !== 0) throw new Error(`electron-builder --dir failed:\n${run.stdout}\n${run.stderr}`);
  const unpacked = readdirSync(output).find((d) => d.endsWith('-unpacked') || d.startsWith('mac'));
  if (!unpacked) throw new Error(`electron-builder left no unpacked app in ${output}`);
  const candidates = [join(output, unpacked, 'portolan'), join(output, unpacked, 'Portolan.exe'), join(output, unpacked, 'Portolan.app', 'Contents', 'MacOS', 'Portolan')];
  const executable = candidates.find((c) => existsSync(c));
  if (!executable) throw new Error(`no Portolan executable in ${join(output, unpacked)}`);
  return executable;
}

test.describe('the desktop app', () => {
  test.describe.configure({ timeout: 300_000 });

  let desktop: ElectronApplication;
  let window: Page;

  test.beforeAll(async () => {
    if (!binary.found) {
      console.log(`[desktop smoke test] skipped: ${SKIP_REASON}`);
      test.skip(true, SKIP_REASON);
      return;
    }
    const clusters = loadClusters(process.env.PORTOLAN_E2E_CLUSTERS ?? '');
    const executable = packageApp(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg.dir, 'dist'));
    const home = mkdtempSync(join(tmpdir(), 'portolan-desktop-home-'));
    const args: string[] = [];
    // Chromium refuses to run as root with its OS sandbox (CI machines); the renderer's own sandbox
    // (sandbox: true, contextIsolation) is unaffected by this switch.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) args.push('--ozone-platform=headless');
    desktop = await electron.launch({
      executablePath: executable,
      args,
      env: { ...process.env, KUBECONFIG: clusters.kubeconfig, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
      timeout: 60_000,
    });
    window = await desktop.firstWindow();
  });

  test.afterAll(async () => {
    await desktop?.close();
  });

  test('opens on app://portolan with the main landmark and the test contexts in the sidebar', async ({ clusters }) => {
    expect(window.url()).toMatch(/^app:\/\/portolan\/index\.html/);
    await expect(window.getByRole('main')).toBeVisible();
    const sidebar = window.getByRole('navigation', { name: 'Clusters' });
    for (const cluster of clusters.clusters) await expect(sidebar.getByText(cluster.name, { exact: true })).toBeVisible();
    await expect(window.getByText(/Portolan \S+ · Node 24\.\d+\.\d+ · electron/i)).toBeVisible();
  });

  test('exposes exactly the contract as window.portolan, and no Node or Electron', async () => {
    const page = await window.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        bridge: Object.keys(w.portolan as object).sort(),
        require: typeof w.require, process: typeof w.process, ipcRenderer: typeof w.ipcRenderer,
        module: typeof w.module, buffer: typeof w.Buffer,
      };
    });
    expect(page.bridge).toEqual([...methodNames, 'on'].sort());
    expect(page).toMatchObject({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', module: 'undefined', buffer: 'undefined' });
  });

  test('opens the Create Service wizard and its edit mode, where Monaco\'s workers validate', async () => {
    await expect(window.getByRole('list', { name: 'Cluster status' })).toContainText('Live', { timeout: 30_000 });
    await window.getByRole('button', { name: 'Create Service' }).click();
    const wizard = window.getByRole('dialog', { name: 'Create Service' });
    await expect(wizard).toBeVisible();
    await wizard.getByRole('button', { name: 'Edit Mode' }).click();
    const editor = wizard.getByRole('textbox', { name: 'Service manifest' });
    await expect(editor).toBeAttached({ timeout: 30_000 });
    await editor.focus();
    await window.keyboard.press('Control+A');
    // The YAML worker (monaco-yaml) marks what the Service schema refuses: it ran in the desktop window.
    // (Typed text keeps the previous line's indentation: the nested key comes last.)
    await window.keyboard.insertText('apiVersion: v1\nkind: Service\nspec:\n  sessionAffinity: Sometimes');
    await expect(wizard.locator('.wz-editor .squiggly-warning, .wz-editor .squiggly-error').first()).toBeVisible({ timeout: 30_000 });
  });
});
