import type { ApiEvents, EventName } from '../api/contract';

export type CoreEventListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

/** Fans core events out to every transport that listens (one per window or browser connection). */
export class CoreEvents {
  private readonly listeners = new Set<CoreEventListener>();

  listen(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}
