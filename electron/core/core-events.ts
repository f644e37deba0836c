import type { ApiEvents, EventName } from '../api/contract';
import { Emitter } from '../api/emitter';

export type CoreEventListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

/**
 * Fans core events out to every transport that listens (one per window or browser connection), each
 * payload passed once through `outgoing` (the secret redactor) on its way.
 */
export class CoreEvents {
  private readonly events = new Emitter<[EventName, unknown]>();
  private readonly outgoing: <T>(payload: T) => T;

  constructor(outgoing: <T>(payload: T) => T = (payload) => payload) {
    this.outgoing = outgoing;
  }

  listen(listener: CoreEventListener): () => void {
    return this.events.on((event, payload) => listener(event, payload as never));
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    if (this.events.size === 0) return;
    this.events.emit(event, this.outgoing(payload));
  }
}
