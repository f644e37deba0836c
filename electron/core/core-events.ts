import type { ApiEvents, EventName } from '../api/contract';
import { Emitter } from '../api/emitter';
import { fromWire, toWire } from '../api/event-wire';

/**
 * `to`: the client (a window, or a browser page) an event is addressed to; null for everyone.
 * `json()`: the payload's JSON text as text transports send it (redacted, rows batches packed by
 * api/event-wire.ts; built once however many transports ask).
 */
export type CoreEventListener = <E extends EventName>(event: E, payload: ApiEvents[E], to: string | null, json: () => string) => void;

/** What core passes each payload through on its way out: the secret redactor. */
export interface OutgoingFilter {
  redact<T>(value: T): T;
  redactToJson(value: object): { value: object; json: string | null };
}

const unfiltered: OutgoingFilter = { redact: (value) => value, redactToJson: (value) => ({ value, json: null }) };

/**
 * Fans core events out to every transport that listens (one per window or browser connection), each
 * payload passed once through `outgoing` (the secret redactor) on its way. Events of a subscription
 * are addressed to the client that made it; transports deliver them to that client only.
 */
export class CoreEvents {
  private readonly events = new Emitter<[EventName, unknown, string | null, () => string]>();
  private readonly outgoing: OutgoingFilter;

  constructor(outgoing: OutgoingFilter = unfiltered) {
    this.outgoing = outgoing;
  }

  listen(listener: CoreEventListener): () => void {
    return this.events.on((event, payload, to, json) => listener(event, payload as never, to, json));
  }

  /** An event for every client. */
  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    this.send(event, payload, null);
  }

  /** An event for one client only. */
  emitTo<E extends EventName>(to: string, event: E, payload: ApiEvents[E]): void {
    this.send(event, payload, to);
  }

  private send(event: EventName, payload: unknown, to: string | null): void {
    if (this.events.size === 0) return;
    // Objects are checked through their wire form's JSON text, which is kept for the transports that
    // send text (the packed form is the smaller text to check).
    let value: unknown = payload;
    let wire: unknown;
    let json: string | null = null;
    if (typeof payload === 'object' && payload !== null) {
      const packed = toWire(event, payload);
      ({ value: wire, json } = this.outgoing.redactToJson(packed));
      if (wire !== packed) value = fromWire(event, wire);
    } else {
      value = wire = this.outgoing.redact(payload);
    }
    this.events.emit(event, value, to, () => (json ??= JSON.stringify(wire)));
  }
}
