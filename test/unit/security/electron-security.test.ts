// The Electron checklist, read from the real code and build: BrowserWindow options, navigation and
// window rules, permissions, the built index.html's CSP, and the fuses electron-builder sets.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appUrlMatcher, denyAllPermissions, hardenWebContents, type HardenableContents, type PermissionSession } from '../../../electron/main/harden';
import { secureWindowOptions } from '../../../electron/main/window-options';


function fakeContents(): { contents: HardenableContents; emitter: EventEmitter; openHandler: (url: string) => unknown; opened: string[] } {
  const emitter = new EventEmitter();
  const opened: string[] = [];
  let handler: ((details: { url: string }) => unknown) | null = null;
  const contents = {
    on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    setWindowOpenHandler: (h: (details: { url: string }) => unknown) => {
      handler = h;
    },
  } as unknown as HardenableContents;
  hardenWebContents(contents, appUrlMatcher(undefined), (url) => opened.push(url), (url) => OPENABLE.includes(url));
  return { contents, emitter, openHandler: (url) => handler?.({ url }), opened };
}

function navigate(emitter: EventEmitter, name: string, url: string): boolean {
  let prevented = false;
  emitter.emit(name, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

const OPENABLE = ['http://192.0.2.10:30080'];

describe('BrowserWindow options', () => {
  const prefs = secureWindowOptions('/preload.cjs').webPreferences ?? {};
  it('isolates and sandboxes the renderer and gives it no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });
  it('keeps web security on', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.preload).toBe('/preload.cjs');
  });
});

describe('navigation and windows', () => {
  it('denies navigation and redirects away from the app, and allows the app itself', () => {
    const { emitter } = fakeContents();
    expect(navigate(emitter, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(emitter, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(emitter, 'will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate(emitter, 'will-navigate', 'app://portolan/index.html#/clusters')).toBe(false);
  });
  it('takes only app://portolan as the app: not file://, another host or a URL with credentials', () => {
    const { emitter } = fakeContents();
    expect(navigate(emitter, 'will-navigate', 'file:///opt/portolan/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(navigate(emitter, 'will-navigate', 'app://evil/index.html')).toBe(true);
    expect(navigate(emitter, 'will-navigate', 'app://user:secret@portolan/index.html')).toBe(true);
    expect(navigate(emitter, 'will-navigate', 'app:portolan')).toBe(true);
    expect(navigate(emitter, 'will-navigate', 'not a url')).toBe(true);
  });
  it('denies every new window; only addresses core built for a Service go to the system browser', () => {
    const { openHandler, opened } = fakeContents();
    expect(openHandler('https://kubernetes.io/docs/')).toEqual({ action: 'deny' });
    expect(openHandler('http://192.0.2.10:30080')).toEqual({ action: 'deny' });
    expect(openHandler('http://192.0.2.10:30081')).toEqual({ action: 'deny' });
    expect(openHandler('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openHandler('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['http://192.0.2.10:30080']);
  });
  it('refuses <webview>', () => {
    const { emitter } = fakeContents();
    expect(navigate(emitter, 'will-attach-webview', '')).toBe(true);
  });
  it('matches the dev server only by its own origin', () => {
    const isApp = appUrlMatcher('http://localhost:5173');
    expect(isApp('http://localhost:5173/#/x')).toBe(true);
    expect(isApp('http://localhost:51730/')).toBe(false);
    expect(isApp('app://portolan/index.html')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    } as unknown as PermissionSession);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) request!(null, permission, (g) => answers.push(g));
    expect(answers).toEqual([false, false, false, false]);
    expect(check!()).toBe(false);
  });
});

describe('the built renderer', () => {
  const file = 'out/renderer/index.html';
  it('has a strict Content-Security-Policy and loads nothing remote', () => {
    expect(existsSync(file), 'run `npm run build` first').toBe(true);
    const html = readFileSync(file, 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('electron-builder fuses', () => {
  it('turn off RunAsNode, encrypt cookies and load the app only from its asar', () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses: Record<string, boolean>; asar: boolean };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
