// The browser transport's guards: token, Host, Origin, content type; and that a call goes through.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startBrowserTransport, type BrowserTransport } from '../../../electron/serve/browser-transport-server';
import { offlineCore, stubRendererDir } from '../../support/offline-transport';

let transport: BrowserTransport;
let base: string;
const core = offlineCore();

beforeAll(async () => {
  transport = await startBrowserTransport({ core, rendererDir: stubRendererDir() });
  base = `http://127.0.0.1:${transport.port}`;
});
afterAll(async () => {
  await transport.close();
  await core.dispose();
});

const call = (headers: Record<string, string>, body = '{"method":"version"}'): Promise<Response> =>
  fetch(`${base}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('browser transport server', () => {
  it('prints a 127.0.0.1 URL with the token', () => {
    expect(transport.url).toBe(`http://127.0.0.1:${transport.port}/?token=${transport.token}`);
    expect(transport.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses every request without the token with 401', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/index.html`)).status).toBe(401);
    expect((await call({})).status).toBe(401);
    expect((await call({ Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and serves the app with it', async () => {
    const first = await fetch(transport.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // Not the token itself, and under a name of this instance's own (cookies ignore ports).
    expect(cookie).toMatch(new RegExp(`^portolan_session_${transport.port}=`));
    expect(cookie).not.toContain(transport.token);
    const forged = await fetch(`${base}/`, { headers: { Cookie: `portolan_session_${transport.port}=${transport.token}` } });
    expect(forged.status).toBe(401);
    const page = await fetch(`${base}/`, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Portolan</title>');
  });

  it('starts the remembered clusters\' lists when the page document is fetched, not for its assets or calls', async () => {
    const prefetch = vi.spyOn(core, 'prefetchRows');
    try {
      const auth = { Authorization: `Bearer ${transport.token}` };
      expect((await fetch(`${base}/`)).status).toBe(401);
      expect((await fetch(`${base}/assets/none.js`, { headers: auth })).status).toBe(404);
      expect((await call(auth)).status).toBe(200);
      expect(prefetch).not.toHaveBeenCalled();
      expect((await fetch(`${base}/`, { headers: auth })).status).toBe(200);
      expect((await fetch(`${base}/index.html`, { headers: auth })).status).toBe(200);
      expect(prefetch).toHaveBeenCalledTimes(2);
    } finally {
      prefetch.mockRestore();
    }
  });

  it('answers a call with the bearer token', async () => {
    const response = await call({ Authorization: `Bearer ${transport.token}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { transport: 'browser' } });
  });

  it('refuses foreign origins, foreign Host headers (DNS rebinding) and non-JSON bodies', async () => {
    const auth = { Authorization: `Bearer ${transport.token}` };
    expect((await call({ ...auth, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call({ ...auth, Origin: `http://127.0.0.1:${transport.port}` })).status).toBe(200);
    const rebound = await new Promise<number>((resolve) => {
      // fetch() will not let us set Host, so use a raw request.
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port: transport.port, path: '/', headers: { Host: 'evil.example', ...auth } },
          (res) => resolve(res.statusCode ?? 0));
        req.end();
      });
    });
    expect(rebound).toBe(403);
    const form = await fetch(`${base}/api/call`, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
  });

  it('accepts the events WebSocket only with the token and the right origin', async () => {
    const open = (headers: Record<string, string>): Promise<string> => new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${transport.port}/api/events`, { headers });
      ws.on('open', () => {
        ws.close();
        resolve('open');
      });
      ws.on('error', () => resolve('refused'));
    });
    expect(await open({})).toBe('refused');
    expect(await open({ Authorization: `Bearer ${transport.token}`, Origin: 'https://evil.example' })).toBe('refused');
    expect(await open({ Authorization: `Bearer ${transport.token}` })).toBe('open');
  });

  it('delivers core events to connected sockets', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${transport.port}/api/events`, { headers: { Authorization: `Bearer ${transport.token}` } });
    await new Promise((resolve) => ws.on('open', resolve));
    const message = new Promise<string>((resolve) => ws.on('message', (data) => resolve(String(data))));
    core.events.emit('contextsChanged', { contexts: [], files: [], currentContext: null });
    expect(JSON.parse(await message)).toEqual({ event: 'contextsChanged', payload: { contexts: [], files: [], currentContext: null } });
    ws.close();
  });

  it("keeps a page's events while its socket is away, hands them over when it is back, and releases it after the grace period", async () => {
    const released: string[] = [];
    const original = core.releaseClient;
    core.releaseClient = (clientId: string) => {
      released.push(clientId);
      original(clientId);
    };
    const graced = await startBrowserTransport({ core, rendererDir: stubRendererDir(), sessions: { graceMs: 400 } });
    const connect = async (clientId: string): Promise<{ ws: WebSocket; messages: unknown[] }> => {
      const ws = new WebSocket(`ws://127.0.0.1:${graced.port}/api/events?client=${clientId}`, { headers: { Authorization: `Bearer ${graced.token}` } });
      const messages: unknown[] = [];
      ws.on('message', (data) => messages.push(JSON.parse(String(data))));
      await new Promise((resolve) => ws.on('open', resolve));
      return { ws, messages };
    };
    const status = (clientId: string, phase: 'listing' | 'watching') => ({
      clientId, subscriptionId: 's1', context: 'a', namespace: null, phase, synced: phase === 'watching', stale: false, error: null, retryAt: null,
    });
    try {
      const first = await connect('page-1');
      first.ws.close();
      await new Promise((resolve) => first.ws.on('close', resolve));
      // Addressed by core, not read from the payload: a payload naming page-1 sent to someone else stays away.
      core.events.emitTo('page-1', 'watchStatus', status('page-1', 'listing'));
      core.events.emitTo('someone-else', 'watchStatus', status('page-1', 'listing'));
      core.events.emitTo('page-1', 'watchStatus', status('page-1', 'watching'));
      const back = await connect('page-1');
      await vi.waitFor(() => expect(back.messages).toHaveLength(2));
      expect(back.messages).toEqual([{ event: 'watchStatus', payload: status('page-1', 'listing') }, { event: 'watchStatus', payload: status('page-1', 'watching') }]);
      expect(released).toEqual([]);

      back.ws.close();
      await vi.waitFor(() => expect(released).toEqual(['page-1']), { timeout: 2000 });
    } finally {
      core.releaseClient = original;
      await graced.close();
    }
  });
});

describe('hostile requests (each once crashed or mis-answered the server)', () => {
  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${transport.token}` });

  it('answers a body of null, a list or a number with 400, not 500', async () => {
    for (const body of ['null', '[]', '42', '"x"']) expect((await call(auth(), body)).status, body).toBe(400);
  });

  it('answers 413 to a body over the cap, and carries a manifest of the size the contract allows', async () => {
    const huge = `{"method":"version","input":"${'x'.repeat(7 * 1024 * 1024)}"}`;
    expect((await call(auth(), huge)).status).toBe(413);
    // 1 MiB of newlines escapes to 2 MiB of JSON: the contract's limit, so it must arrive and be judged.
    const manifest = '\n'.repeat(1024 * 1024);
    const response = await call(auth(), JSON.stringify({ method: 'createService', input: { context: 'none', manifest, dryRun: true } }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(false);
  });

  it('survives a peer that resets its upgrade request, and an unmasked frame, and keeps serving', async () => {
    await new Promise<void>((done) => {
      const socket = connect(transport.port, '127.0.0.1', () => {
        socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${transport.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
        socket.resetAndDestroy();
        setTimeout(done, 100);
      });
    });
    const ws = new WebSocket(`ws://127.0.0.1:${transport.port}/api/events`, { headers: { Authorization: `Bearer ${transport.token}` } });
    await new Promise((done, fail) => {
      ws.once('open', done);
      ws.once('error', fail);
    });
    // A client frame must be masked; this one is not (raw bytes on the socket: FIN + text, length 2).
    (ws as unknown as { _socket: Socket })._socket.write(Buffer.from([0x81, 0x02, 0x68, 0x69]));
    await new Promise((done) => ws.once('close', done));
    expect((await call(auth())).status).toBe(200);
  });
});
