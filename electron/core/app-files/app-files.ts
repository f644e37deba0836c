// The built renderer's files, as both ways of showing the app serve them: the desktop window through
// its app:// scheme and the browser transport over HTTP. One reader, one CSP, one MIME table.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/** The Content-Security-Policy every page of the app is served with (index.html repeats it in a meta tag). */
export const APP_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self' data:", "connect-src 'self'", "worker-src 'self' blob:", "object-src 'none'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export interface AppFile {
  body: Buffer;
  contentType: string;
}

/** The headers every app file is sent with: its type, the CSP, no sniffing, no referrer. */
export function appFileHeaders(file: AppFile): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'private, max-age=3600',
  };
}

/**
 * Reads a file of the built renderer from its URL path; `/` and unknown extensionless paths give
 * index.html (the app's own routes), a missing asset gives null. Never reads outside `root`.
 */
export async function readAppFile(root: string, urlPath: string): Promise<AppFile | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const full = normalize(join(root, relative === '/' ? 'index.html' : relative));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  for (const candidate of [full, join(root, 'index.html')]) {
    try {
      return { body: await readFile(candidate), contentType: TYPES[extname(candidate)] ?? 'application/octet-stream' };
    } catch {
      if (extname(full) !== '') return null; // a missing asset is a 404, not the app shell
    }
  }
  return null;
}
