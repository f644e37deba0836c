// The desktop app: one secure window, core in this process, the contract over IPC. Thin on purpose:
// everything worth testing lives in core.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateLegacyKubeconfig } from '../core/kubeconfig/kubeconfig-paths';
import { loginShellPath, mergePaths } from '../core/login-shell-path';
import { useParseWorker } from '../core/parse-worker/off-thread';
import { createPortolanCore } from '../core/portolan-core';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { desktopHandlers } from './desktop-handlers';
import { appUrlMatcher, denyAllPermissions, hardenWebContents } from './harden';
import { forwardEvents, registerIpcTransport } from './ipc-transport';
import { secureWindowOptions } from './window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by `electron-vite dev` only
const isAppUrl = appUrlMatcher(rendererUrl);

migrateLegacyKubeconfig(); // as kubectl does on every run
// Kubeconfig files and manifests are parsed on a worker thread, never blocking the window's answers.
useParseWorker(new URL('./parse-worker.js', import.meta.url));
app.enableSandbox();
// Before `ready`: app:// must be a standard, secure scheme for module scripts, fetch and workers.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// Set once core exists: until then no address may be opened.
let mayOpen: (url: string) => boolean = () => false;
app.on('web-contents-created', (_, contents) => {
  hardenWebContents(contents, isAppUrl, (url) => void shell.openExternal(url), (url) => mayOpen(url));
});

void app.whenReady().then(async () => {
  process.env.PATH = mergePaths(await loginShellPath(), process.env.PATH);
  denyAllPermissions(session.defaultSession);
  session.defaultSession.protocol.handle(APP_SCHEME, createAppProtocolHandler(join(here, '../renderer')));

  const core = createPortolanCore({
    transport: 'electron',
    electronVersion: process.versions.electron ?? null,
    stateDir: app.getPath('userData'),
    trash: (path) => shell.trashItem(path),
  });
  mayOpen = (url) => core.isOpenableUrl(url);
  // The remembered clusters' lists start while the window loads (see core's prefetchRows).
  core.prefetchRows();
  const window = new BrowserWindow(secureWindowOptions(join(here, '../preload/index.cjs')));
  // Kubeconfig files come from the system's open dialog, never from a path the page typed.
  const chooseFile = async (): Promise<string | null> => {
    const chosen = await dialog.showOpenDialog(window, { properties: ['openFile', 'showHiddenFiles'], defaultPath: join(app.getPath('home'), '.kube') });
    return chosen.canceled ? null : chosen.filePaths[0] ?? null;
  };
  const chooseFolder = async (): Promise<string | null> => {
    const chosen = await dialog.showOpenDialog(window, { properties: ['openDirectory', 'createDirectory'] });
    return chosen.canceled ? null : chosen.filePaths[0] ?? null;
  };
  registerIpcTransport(ipcMain, { ...core, handlers: desktopHandlers(core.handlers, chooseFile, chooseFolder) }, (event) => event.senderFrame !== null && event.senderFrame === window.webContents.mainFrame
    && isAppUrl(event.senderFrame.url));
  const stopEvents = forwardEvents(core, window.webContents);
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-start-navigation', (details) => {
    // A reload starts a new renderer: the old one's subscriptions go with it, after the streams
    // the new one will ask for are held (they keep what they listed).
    if (details.isMainFrame && !details.isSameDocument) {
      core.prefetchRows();
      core.releaseAllClients();
    }
  });
  window.on('closed', () => {
    stopEvents();
    void core.dispose();
  });
  void window.loadURL(rendererUrl ?? APP_INDEX_URL);
});

app.on('window-all-closed', () => app.quit());
