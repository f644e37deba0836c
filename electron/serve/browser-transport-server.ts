// The browser transport: the same contract as Electron's IPC, over HTTP (calls) and a WebSocket
// (events) on 127.0.0.1 only. Every request needs the per-start token (query on first load, then an
// HttpOnly SameSite=Strict cookie, or a Bearer header); Host and Origin are checked against the
// server's own address, so other sites and DNS rebinding cannot reach it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import { createDispatcher } from '../api/dispatcher';
import type { PortolanCore } from '../core/portolan-core';
import { ClientSessions, eventMessage, type ClientSessionOptions } from './client-sessions';
import { appFileHeaders, readAppFile } from '../core/app-files/app-files';

export interface BrowserTransportOptions {
  core: PortolanCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  token?: string;
  /** How long a page's subscriptions wait for its dropped socket to come back. */
  sessions?: ClientSessionOptions;
}

export interface BrowserTransport {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// A call carries at most one manifest of the contract's 1 MiB, which JSON escaping can grow up to six
// times (a control character becomes \u0000), plus the envelope around it.
const MAX_BODY = 6 * 1024 * 1024 + 64 * 1024;
const MAX_EVENT_FRAME = 64 * 1024;

export async function startBrowserTransport(options: BrowserTransportOptions): Promise<BrowserTransport> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  const dispatch = createDispatcher(options.core.handlers);
  const tokenBytes = Buffer.from(token);
  let port = 0;

  const tokenMatches = (candidate: string | undefined | null): boolean => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const hostOk = (req: IncomingMessage): boolean => allowedHosts().includes(req.headers.host ?? '');
  const originOk = (req: IncomingMessage): boolean =>
    req.headers.origin === undefined || allowedHosts().some((h) => req.headers.origin === `http://${h}`);
  // The page holds a session, not the token: the cookie carries a random value of its own, under a
  // name per instance (cookies ignore ports, so another local server, or a second Portolan on another
  // port, would otherwise receive or overwrite it).
  const sessionIds = new Set<string>();
  const cookieName = (): string => `portolan_session_${port}`;
  const authorized = (req: IncomingMessage): boolean => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (tokenMatches(bearer)) return true;
    const session = readCookie(req.headers.cookie, cookieName());
    return session !== null && sessionIds.has(session);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `internal error: ${(error as Error).message}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostOk(req)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null) {
      if (!tokenMatches(queryToken)) return send(res, 401, 'text/plain; charset=utf-8', 'unauthorized: wrong token');
      url.searchParams.delete('token');
      const session = randomBytes(32).toString('base64url');
      sessionIds.add(session);
      res.writeHead(303, {
        'Set-Cookie': `${cookieName()}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    if (!authorized(req)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'unauthorized: open the URL printed by `npm run serve`, with its token');
    }
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST only');
      if (!originOk(req)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden origin');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain; charset=utf-8', 'application/json only');
      }
      const body = await readBody(req);
      if (body === null) {
        // Answer, then close: the rest of the body is not read.
        res.setHeader('Connection', 'close');
        res.on('finish', () => req.destroy());
        return send(res, 413, 'text/plain; charset=utf-8', `request too large (over ${MAX_BODY} bytes)`);
      }
      let call: unknown;
      try {
        call = JSON.parse(body);
      } catch {
        return send(res, 400, 'text/plain; charset=utf-8', 'request body is not JSON');
      }
      if (typeof call !== 'object' || call === null || Array.isArray(call)) {
        return send(res, 400, 'text/plain; charset=utf-8', 'request body is not a {"method", "input"} object');
      }
      const { method, input } = call as { method?: unknown; input?: unknown };
      const result = await dispatch(method, input ?? undefined);
      return send(res, 200, 'application/json', JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    // A page is loading: its remembered clusters' lists start now, not once its script has run.
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) options.core.prefetchRows();
    const file = await readAppFile(rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    res.writeHead(200, appFileHeaders(file));
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  // The page only listens on this socket: it sends nothing bigger than a ping.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_EVENT_FRAME });
  const sessions = new ClientSessions(options.core, options.sessions);
  server.on('upgrade', (req, socket, head) => {
    // A peer may reset the connection at any moment, before or after the handshake: never fatal.
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/api/events' || !hostOk(req) || !originOk(req) || !authorized(req)) {
      if (socket.writable) socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    // The page names itself (?client=…); events addressed to one client go only to its socket, and
    // its subscriptions end when its socket has been gone for the grace period (client-sessions.ts).
    // A socket without a name hears only the events addressed to nobody in particular.
    const clientId = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('client');
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // A malformed, unmasked or oversized frame closes this socket (ws reports it here), nothing else.
      ws.on('error', () => ws.terminate());
      if (clientId) return sessions.attach(clientId, ws);
      const stop = options.core.events.listen((event, _payload, to, json) => {
        if (to !== null) return;
        if (ws.readyState === ws.OPEN) ws.send(eventMessage(event, json()));
      });
      ws.on('close', stop);
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise<void>((done) => {
      sessions.closeAll();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        // Stop reading; the caller answers 413 and then closes the connection.
        req.removeAllListeners('data');
        req.pause();
        resolveBody(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
