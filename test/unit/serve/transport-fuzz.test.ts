// Fuzz and fault cases for the browser transport, bounded in count and time, loopback only: random
// and malformed HTTP requests, upgrade requests and WebSocket frames (with and without the token),
// connections reset mid-request. The server must survive every one, answer what it can answer, and
// keep serving a well-formed client throughout. Seeded, so a failure can be replayed.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserTransport, type BrowserTransport } from '../../../electron/serve/browser-transport-server';
import { offlineCore, stubRendererDir } from '../../support/offline-transport';
import { seededRandom } from '../../support/seeded-random';

const ROUNDS = 400;
const SEED = 1400;
let transport: BrowserTransport;
const core = offlineCore();

beforeAll(async () => {
  transport = await startBrowserTransport({ core, rendererDir: stubRendererDir() });
});
afterAll(async () => {
  await transport.close();
  await core.dispose();
});

/** One hostile exchange: raw bytes on a fresh connection, then a reset or a close within 100 ms. */
function send(bytes: Buffer, reset: boolean): Promise<void> {
  return new Promise((done) => {
    const socket = connect(transport.port, '127.0.0.1', () => {
      socket.write(bytes, () => undefined);
      setTimeout(() => (reset ? socket.resetAndDestroy() : socket.destroy()), 5 + (bytes.length % 90));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done());
    socket.on('data', () => undefined);
  });
}

function hostileBytes(rand: () => number): Buffer {
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const junk = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(Math.floor(rand() * 256))).join('');
  const host = `127.0.0.1:${transport.port}`;
  const auth = rand() < 0.5 ? `Authorization: Bearer ${transport.token}\r\n` : '';
  const upgrade = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';
  const frame = (): Buffer => {
    // Random opcode, mask bit and (possibly lying) length, then random payload.
    const head = Buffer.from([Math.floor(rand() * 256), pick([0x7e, 0x7f, 0xff, 0x85, 0x05, 0x80 | Math.floor(rand() * 126)])]);
    return Buffer.concat([head, Buffer.from(junk(Math.floor(rand() * 64)), 'latin1')]);
  };
  switch (Math.floor(rand() * 7)) {
    case 0: return Buffer.from(junk(1 + Math.floor(rand() * 2000)), 'latin1');
    case 1: return Buffer.from(`${pick(['GET', 'POST', 'PUT', 'DELETE', 'BREW', ''])} ${pick(['/', '/api/call', '/api/events', `/${junk(20)}`, '*', '//..//..'])} HTTP/1.1\r\nHost: ${pick([host, 'evil', ''])}\r\n${auth}\r\n`, 'latin1');
    case 2: return Buffer.from(`POST /api/call HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Type: application/json\r\nContent-Length: ${pick([0, 5, 100000, -1, 99999999999])}\r\n\r\n${junk(Math.floor(rand() * 300))}`, 'latin1');
    case 3: return Buffer.from(`POST /api/call HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${pick(['zz', 'ffffffff', '5'])}\r\n${junk(40)}`, 'latin1');
    case 4: return Buffer.concat([Buffer.from(`GET /api/events?client=${pick(['fuzz-client-1', junk(10), ''])} HTTP/1.1\r\nHost: ${host}\r\n${auth}${upgrade}\r\n`, 'latin1'), frame(), frame()]);
    case 5: return Buffer.from(`GET /api/events HTTP/1.1\r\nHost: ${host}\r\n${auth}Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${junk(8)}\r\n\r\n`, 'latin1');
    default: return Buffer.from(`POST /api/call HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Type: application/json\r\nContent-Length: 60\r\n\r\n{"method":"${pick(['version', 'connect', '__proto__', 'constructor', junk(5)])}","input":${pick(['null', '[]', '{"context":""}', '{"__proto__":{"x":1}}', '"'])}}`, 'latin1');
  }
}

const healthy = async (): Promise<number> => (await fetch(`http://127.0.0.1:${transport.port}/api/call`, {
  method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${transport.token}` }, body: '{"method":"version"}',
})).status;

it(`survives ${ROUNDS} hostile connections and keeps serving a well-formed client`, async () => {
  const rand = seededRandom(SEED);
  const began = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(Array.from({ length: 4 }, () => send(hostileBytes(rand), rand() < 0.5)));
    if (round % 50 === 0) expect(await healthy(), `round ${round}`).toBe(200);
  }
  expect(await healthy()).toBe(200);
  expect(Date.now() - began).toBeLessThan(120_000);
}, 150_000);
