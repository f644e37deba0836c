import type { ApiEvents, EventName } from '../api/contract';

export type CoreEventListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

/**
 * Fans core events out to every transport that listens (one per window or browser connection), each
 * payload passed once through `outgoing` (the secret redactor) on its way.
 */
export class CoreEvents {
  private readonly listeners = new Set<CoreEventListener>();
  private readonly outgoing: <T>(payload: T) => T;

  constructor(outgoing: <T>(payload: T) => T = (payload) => payload) {
    this.outgoing = outgoing;
  }

  listen(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    if (this.listeners.size === 0) return;
    const safe = this.outgoing(payload);
    for (const listener of this.listeners) listener(event, safe);
  }
}
