import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a file of the built renderer; `/` and unknown paths give index.html. Never leaves `root`. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
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
