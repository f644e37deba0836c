// The desktop window's app:// handler: what it serves, with which type and CSP, and what it refuses
// (other hosts, other methods, any path that would leave the renderer's folder).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../electron/core/app-files/app-files';
import { APP_INDEX_URL, createAppProtocolHandler } from '../../../electron/main/app-protocol';

const SECRET = 'the-contents-of-a-file-outside-the-app';

function rendererFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'portolan-app-protocol-'));
  writeFileSync(join(root, 'secret.txt'), SECRET);
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Portolan</title>');
  const assets: Record<string, string> = {
    'app.js': 'export {}', 'app.css': 'body{}', 'font.woff2': 'w', 'codicon.ttf': 't', 'schema.json': '{}',
    'icon.svg': '<svg/>', 'logo.png': 'p', 'module.wasm': 'w', 'blob.bin': 'b',
  };
  for (const [name, body] of Object.entries(assets)) writeFileSync(join(dir, 'assets', name), body);
  return dir;
}

const serve = createAppProtocolHandler(rendererFolder());
const get = (url: string, method = 'GET'): Promise<Response> => serve(new Request(url, { method }));

describe('app:// serves the built renderer', () => {
  it('answers the window URL with index.html, the CSP, and no sniffing', async () => {
    const response = await get(APP_INDEX_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Portolan</title>');
  });

  it('gives each asset its MIME type, so module scripts, styles, fonts and workers load', async () => {
    const types: Record<string, string> = {
      'app.js': 'text/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8', 'font.woff2': 'font/woff2',
      'codicon.ttf': 'font/ttf', 'schema.json': 'application/json', 'icon.svg': 'image/svg+xml', 'logo.png': 'image/png',
      'module.wasm': 'application/wasm', 'blob.bin': 'application/octet-stream',
    };
    for (const [name, type] of Object.entries(types)) {
      const response = await get(`app://portolan/assets/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type'), name).toBe(type);
      expect(response.headers.get('content-security-policy'), name).toBe(APP_CSP);
    }
  });

  it('answers the app shell for its own routes, 404 for a missing asset, and an empty body to HEAD', async () => {
    expect(await (await get('app://portolan/')).text()).toContain('<title>Portolan</title>');
    expect(await (await get('app://portolan/services/a/b')).text()).toContain('<title>Portolan</title>');
    expect((await get('app://portolan/assets/missing.js')).status).toBe(404);
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses other hosts and methods', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://portolan.evil/index.html')).status).toBe(404);
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
    expect((await get(APP_INDEX_URL, 'PUT')).status).toBe(405);
  });

  it('never reads outside the renderer folder, however the path is written', async () => {
    const attempts = [
      'app://portolan/../secret.txt', 'app://portolan/..%2fsecret.txt', 'app://portolan/%2e%2e/secret.txt',
      'app://portolan/%2e%2e%2fsecret.txt', 'app://portolan/assets/..%2f..%2fsecret.txt', 'app://portolan/..%5csecret.txt',
      'app://portolan/%252e%252e/secret.txt', 'app://portolan/%00', 'app://portolan/assets/app.js%00.png', 'app://portolan/%E0%A4%A',
      'app://portolan//etc/passwd', 'app://portolan/%2fetc%2fpasswd',
    ];
    for (const url of attempts) {
      const response = await get(url);
      const body = await response.text();
      expect(body, url).not.toContain(SECRET);
      expect(body, url).not.toMatch(/root:.*:0:0:/);
      if (response.status === 200) expect(body, url).toContain('<title>Portolan</title>'); // the app shell, at most
    }
  });
});

describe('the real build through app://', () => {
  const dir = 'out/renderer';
  const html = (): string => readFileSync(join(dir, 'index.html'), 'utf8');

  it('serves every script and stylesheet index.html names, with the types a module script needs', async () => {
    const real = createAppProtocolHandler(join(process.cwd(), dir));
    const refs = [...html().matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.some((r) => r.endsWith('.js')), 'run `npm run build` first').toBe(true);
    for (const ref of refs) {
      const response = await real(new Request(`app://portolan/${ref}`));
      expect(response.status, ref).toBe(200);
      expect(response.headers.get('content-type'), ref).toMatch(ref.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
    }
  });

  it('sends the same policy as index.html states, plus frame-ancestors (which a meta tag cannot carry)', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html())?.[1] ?? '';
    const directives = (csp: string): string[] => csp.split(';').map((d) => d.trim()).filter(Boolean).sort();
    expect(directives(APP_CSP)).toEqual([...directives(meta), "frame-ancestors 'none'"].sort());
  });
});
