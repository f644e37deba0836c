// Events can overtake the answer that names their subscription (they come over the event channel,
// the answer over the call): this holds a client's events for subscription ids not known yet, and
// applies them in order once the answer makes the id known.
export class EarlyEvents {
  private readonly known = new Set<string>();
  private readonly waiting = new Map<string, Array<() => void>>();

  private readonly maxWaiting: number;

  /** At most `maxWaiting` unknown ids are held; the oldest is dropped first (their answers failed). */
  constructor(maxWaiting = 100) {
    this.maxWaiting = maxWaiting;
  }

  /** Applies the event now if its subscription is known, else when it becomes known. */
  handle(subscriptionId: string, apply: () => void): void {
    if (this.known.has(subscriptionId)) return apply();
    const queue = this.waiting.get(subscriptionId) ?? [];
    queue.push(apply);
    this.waiting.set(subscriptionId, queue);
    if (this.waiting.size > this.maxWaiting) this.waiting.delete(this.waiting.keys().next().value as string);
  }

  /** The answer named this subscription: apply what arrived early, and the rest as it comes. */
  accept(subscriptionId: string): void {
    this.known.add(subscriptionId);
    const queue = this.waiting.get(subscriptionId) ?? [];
    this.waiting.delete(subscriptionId);
    for (const apply of queue) apply();
  }

  /** The subscription ended: its later events are held (and eventually dropped) like unknown ones. */
  forget(subscriptionId: string): void {
    this.known.delete(subscriptionId);
  }
}
