import type { ApiEvents, EventName } from '../api/contract';
import { Emitter } from '../api/emitter';

/** `to`: the client (a window, or a browser page) an event is addressed to; null for everyone. */
export type CoreEventListener = <E extends EventName>(event: E, payload: ApiEvents[E], to: string | null) => void;

/**
 * Fans core events out to every transport that listens (one per window or browser connection), each
 * payload passed once through `outgoing` (the secret redactor) on its way. Events of a subscription
 * are addressed to the client that made it; transports deliver them to that client only.
 */
export class CoreEvents {
  private readonly events = new Emitter<[EventName, unknown, string | null]>();
  private readonly outgoing: <T>(payload: T) => T;

  constructor(outgoing: <T>(payload: T) => T = (payload) => payload) {
    this.outgoing = outgoing;
  }

  listen(listener: CoreEventListener): () => void {
    return this.events.on((event, payload, to) => listener(event, payload as never, to));
  }

  /** An event for every client. */
  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    if (this.events.size === 0) return;
    this.events.emit(event, this.outgoing(payload), null);
  }

  /** An event for one client only. */
  emitTo<E extends EventName>(to: string, event: E, payload: ApiEvents[E]): void {
    if (this.events.size === 0) return;
    this.events.emit(event, this.outgoing(payload), to);
  }
}
