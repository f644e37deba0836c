// The browser side of the browser transport: the same bridge the preload exposes in Electron, over
// fetch (calls) and a WebSocket (events; rows batches arrive packed, see electron/api/event-wire.ts).
// The token travels in an HttpOnly cookie the server set.
import { methodNames, type ApiEvents, type EventName, type PortolanBridge } from '../../../electron/api/contract';
import { Emitter } from '../../../electron/api/emitter';
import { fromWire } from '../../../electron/api/event-wire';
import type { ApiResult } from '../../../electron/api/types';

export interface BrowserBridgeOptions {
  /** The server's address; the page's own origin by default. */
  base?: URL;
  /** Sent as a Bearer token, for clients without the cookie (tests on Node). */
  token?: string;
  /** This page's name for the server: its subscriptions end when its socket closes. */
  clientId?: string;
}

export function createBrowserBridge(options: BrowserBridgeOptions = {}): PortolanBridge {
  const base = options.base ?? new URL(window.location.href);
  const auth: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  const listeners = new Map<EventName, Emitter<[unknown]>>();
  let socket: WebSocket | null = null;
  let retry = 0;

  const connect = (): void => {
    const url = new URL('/api/events', base);
    if (options.clientId) url.searchParams.set('client', options.clientId);
    url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    // Browsers send the cookie; Node's WebSocket (undici) also takes headers, for token clients.
    socket = options.token ? new WebSocket(url, { headers: auth } as unknown as string[]) : new WebSocket(url);
    socket.onopen = () => {
      retry = 0;
    };
    socket.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown };
      listeners.get(event)?.emit(fromWire(event, payload));
    };
    socket.onclose = () => {
      socket = null;
      if (listeners.size === 0) return;
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 250 * 2 ** retry);
    };
  };

  const call = async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      const response = await fetch(new URL('/api/call', base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        credentials: 'same-origin',
        body: JSON.stringify({ method, input }),
      });
      if (!response.ok) {
        return { ok: false, error: { code: 'transport', message: `${response.status} ${await response.text()}` } };
      }
      return (await response.json()) as ApiResult<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'transport', message: `the Portolan server did not answer: ${(error as Error).message}` } };
    }
  };

  const bridge: Record<string, unknown> = {
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const emitter = listeners.get(event) ?? new Emitter<[unknown]>();
      listeners.set(event, emitter);
      const off = emitter.on(listener as (payload: unknown) => void);
      if (!socket) connect();
      return () => {
        off();
        if (emitter.size === 0) listeners.delete(event);
      };
    },
  };
  for (const method of methodNames) bridge[method] = (input: unknown) => call(method, input);
  return bridge as PortolanBridge;
}
