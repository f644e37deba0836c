// The desktop window loads the renderer from app://portolan/, a privileged scheme of the app's own,
// never from file://: with the grantFileProtocolExtraPrivileges fuse off (as electron-builder.yml
// sets it), file:// pages are plain browser pages whose module scripts CORS refuses, and there 'self'
// in the CSP would cover every file on the disk. No electron import: a test drives the handler.
import { appFileHeaders, readAppFile } from '../core/app-files/app-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'portolan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged: a standard, secure origin where fetch and workers work. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/** Serves the built renderer in `rendererDir` for protocol.handle(APP_SCHEME, …). */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'bad URL');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed');
    const file = await readAppFile(rendererDir, url.pathname);
    if (!file) return text(404, 'not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers: appFileHeaders(file) });
  };
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}
