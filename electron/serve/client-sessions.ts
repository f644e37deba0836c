// A browser page's events outlive a dropped WebSocket for a while: when the socket closes, the
// page's subscriptions are kept and its events queued; a socket that comes back with the same client
// id within the grace period gets the queue, in order, and carries on as if nothing happened. After
// the grace period (or when the queue grows too big) the client is released, as a closed window is.
import type { WebSocket } from 'ws';
import type { PortolanCore } from '../core/portolan-core';

/** The socket message of one event: `{ event, payload }`, around the payload's JSON text core made once. */
export const eventMessage = (event: string, payloadJson: string): string => `{"event":${JSON.stringify(event)},"payload":${payloadJson}}`;

export interface ClientSessionOptions {
  /** How long a page may be away (default 60 s: the page retries for ~30 s, then every 16 s). */
  graceMs?: number;
  /** Queued bytes past which an absent client is released at once (default 16 MB). */
  maxQueuedBytes?: number;
}

interface Session {
  socket: WebSocket | null;
  queue: string[];
  queuedBytes: number;
  releaseTimer: NodeJS.Timeout | null;
  stopListening: () => void;
}

export class ClientSessions {
  private readonly sessions = new Map<string, Session>();
  /** What released clients were last told (their subscriptions ended), for when they come back. */
  private readonly farewells = new Map<string, string[]>();
  private readonly core: PortolanCore;
  private readonly graceMs: number;
  private readonly maxQueuedBytes: number;
  private closing = false;

  constructor(core: PortolanCore, options: ClientSessionOptions = {}) {
    this.core = core;
    this.graceMs = options.graceMs ?? 60_000;
    this.maxQueuedBytes = options.maxQueuedBytes ?? 16 * 1024 * 1024;
  }

  /** A socket for `clientId` opened: it gets what was queued while the client was away, then live events. */
  attach(clientId: string, socket: WebSocket): void {
    const session = this.sessions.get(clientId) ?? this.open(clientId);
    if (session.releaseTimer) clearTimeout(session.releaseTimer);
    session.releaseTimer = null;
    session.socket?.close();
    session.socket = socket;
    // A page back after it was released first hears that its subscriptions ended, then live events.
    const farewell = this.farewells.get(clientId) ?? [];
    this.farewells.delete(clientId);
    for (const text of [...farewell, ...session.queue.splice(0)]) socket.send(text);
    session.queuedBytes = 0;
    socket.on('close', () => {
      if (session.socket !== socket) return; // replaced by a newer socket
      session.socket = null;
      session.releaseTimer = setTimeout(() => this.release(clientId), this.graceMs);
    });
  }

  /** Ends every session (the server is closing). */
  closeAll(): void {
    this.closing = true;
    for (const clientId of [...this.sessions.keys()]) this.release(clientId);
  }

  private open(clientId: string): Session {
    const session: Session = { socket: null, queue: [], queuedBytes: 0, releaseTimer: null, stopListening: () => undefined };
    session.stopListening = this.core.events.listen((event, _payload, to, json) => {
      if (to !== null && to !== clientId) return;
      const text = eventMessage(event, json());
      if (session.socket && session.socket.readyState === session.socket.OPEN) {
        session.socket.send(text);
        return;
      }
      session.queue.push(text);
      session.queuedBytes += text.length;
      if (session.queuedBytes > this.maxQueuedBytes) this.release(clientId);
    });
    this.sessions.set(clientId, session);
    return session;
  }

  private release(clientId: string): void {
    const session = this.sessions.get(clientId);
    if (!session) return;
    this.sessions.delete(clientId);
    if (session.releaseTimer) clearTimeout(session.releaseTimer);
    // What core says while releasing (each subscription's last status) is kept for the page's return.
    session.queue = [];
    session.queuedBytes = 0;
    this.core.releaseClient(clientId);
    const farewell = session.queue.splice(0);
    session.stopListening();
    session.socket?.close();
    if (farewell.length > 0 && !this.closing) {
      this.farewells.set(clientId, farewell);
      // Bounded: the oldest pages that never came back are forgotten first.
      if (this.farewells.size > 1000) this.farewells.delete(this.farewells.keys().next().value!);
    }
  }
}
