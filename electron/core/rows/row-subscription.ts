// One subscriber's live list of one kind in a (cluster, namespace scope): the shared streams of the
// descriptor's resources joined into slim rows, sent as deltas instead of the whole list on every
// event. Batching adapts to load: a change after a quiet spell goes out at once (on the next turn of
// the event loop, with whatever arrived in the same read), and so does a list's page; while watch
// events keep coming, they are coalesced into at most one batch per interval, and no message holds
// more than `maxBatchRows` rows.
// The joined resource (a Service's EndpointSlices) is listed only once the rows' own resources are,
// and those of every other list in their first list too (see WatchHub.whenRowsListed): the rows of
// all selected clusters come first, at the speed of their own lists, and their joined part (the
// endpoint counts) follows, marked unknown until then.
import type { RowKind, RowOf, RowsBatch, WatchStatus } from '../../api/types';
import type { KubeClient } from '../kube/kube-client';
import type { KubeObject } from '../watch/resource-ref';
import type { WatchDelta, WatchState } from '../watch/resource-watch';
import type { WatchHub, WatchLease } from '../watch/watch-hub';
import type { RowDescriptor, RowSource } from './row-descriptor';

export interface RowSubscriptionOptions<K extends RowKind> {
  clientId: string;
  subscriptionId: string;
  context: string;
  namespace: string | null;
  /** While a flood lasts, at most one batch per this many ms (25 unless set). */
  batchMs?: number;
  /** At most this many rows per message (250, about 120 KB of Service rows, unless set); more follow at once. */
  maxBatchRows?: number;
  /** The join waits for other subscriptions' first lists no longer than this (2,000 ms unless set). */
  joinWaitMs?: number;
  onBatch(batch: RowsBatch<K>): void;
  onStatus(status: WatchStatus): void;
}

/** A source marked optional that answers 404: its CRD is not installed. */
const absent = (source: RowSource, state: WatchState): boolean => !!source.optional && state.error?.kind === 'not-found';

const ownerKey = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;

export class RowSubscription<K extends RowKind> {
  private readonly descriptor: RowDescriptor<K>;
  private readonly options: RowSubscriptionOptions<K>;
  private readonly sources: Array<{ source: RowSource; lease: WatchLease<KubeObject> }>;
  private readonly hub: WatchHub;
  private readonly client: KubeClient;
  /** The joined stream, once the sources have listed (null before, and for kinds without a join). */
  private joined: { lease: WatchLease<KubeObject>; ownerOf(object: KubeObject): string | null } | null = null;
  /** Cancels the wait for other lists before the join starts. */
  private cancelJoinWait: (() => void) | null = null;
  /** True once the joined stream has listed: rows carry their joined part from then on. */
  private joinedKnown = false;
  /** owner key → uids of the objects joined to it */
  private readonly joinedByOwner = new Map<string, Set<string>>();
  /** owner key → uid of the row's own object (for join changes) */
  private readonly uidByOwner = new Map<string, string>();
  /** uids whose row may have changed (its object or its joined objects) */
  private readonly changed = new Set<string>();
  /** uids whose own object changed (their row is sent whatever the join says) */
  private readonly ownChanged = new Set<string>();
  /** uid → the join signature last sent */
  private readonly sentSignature = new Map<string, string>();
  private readonly deleted = new Set<string>();
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private lastFlush = -Infinity;
  private readonly stops: Array<() => void> = [];
  private closed = false;

  constructor(hub: WatchHub, client: KubeClient, descriptor: RowDescriptor<K>, options: RowSubscriptionOptions<K>) {
    this.descriptor = descriptor;
    this.options = options;
    this.hub = hub;
    this.client = client;
    this.sources = descriptor.sources.map((source) => ({ source, lease: this.acquire(source, true) }));
    for (const { lease } of this.sources) {
      for (const object of lease.watch.items.values()) this.touch(object);
      this.stops.push(lease.watch.onDelta((d) => this.onObjects(d)), lease.watch.onState(() => {
        this.joinWhenListed();
        this.publishStatus();
      }));
    }
    this.joinWhenListed();
    this.schedule();
    this.publishStatus();
  }

  private acquire(source: RowSource, rows: boolean): WatchLease<KubeObject> {
    return this.hub.acquire<KubeObject>(this.options.context, this.client,
      { group: source.group, version: source.version, plural: source.plural, namespace: this.options.namespace }, { rows });
  }

  /**
   * Starts following the joined resource once every source has listed and no other row list is in
   * its first list (at once if so).
   */
  private joinWhenListed(): void {
    if (!this.descriptor.join || this.joined || this.cancelJoinWait || this.closed) return;
    if (!this.sources.every(({ source, lease }) => lease.watch.state.synced || absent(source, lease.watch.state))) return;
    this.cancelJoinWait = this.hub.whenRowsListed(() => this.join(), this.options.joinWaitMs ?? 2000);
  }

  private join(): void {
    const join = this.descriptor.join;
    if (!join || this.joined || this.closed) return;
    const lease = this.acquire(join.source, false);
    this.joined = { lease, ownerOf: join.ownerOf };
    for (const object of lease.watch.items.values()) this.indexJoined(object, true);
    this.stops.push(lease.watch.onDelta((d) => this.onJoined(d)), lease.watch.onState((state) => {
      if (state.synced && !this.joinedKnown) this.onJoinKnown();
      this.publishStatus();
    }));
    if (lease.watch.state.synced) this.onJoinKnown();
  }

  /** The joined objects are known now: every row whose joined part this changes goes out again. */
  private onJoinKnown(): void {
    this.joinedKnown = true;
    for (const uid of this.uidByOwner.values()) this.changed.add(uid);
    this.schedule();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelTimer();
    this.cancelJoinWait?.();
    this.stops.forEach((stop) => stop());
    for (const { lease } of this.sources) lease.release();
    this.joined?.lease.release();
  }

  /**
   * The first source's stream decides the phase; the others add their error. A source marked
   * optional that answers 404 (its CRD is not installed) counts as synced and says nothing.
   */
  status(): WatchStatus {
    const states = this.sources.filter(({ source, lease }) => !absent(source, lease.watch.state)).map(({ lease }) => lease.watch.state);
    const s: WatchState = states[0] ?? { phase: 'watching', synced: true, error: null, retryAt: null };
    const others = [...states.slice(1), ...(this.joined ? [this.joined.lease.watch.state] : [])];
    return {
      clientId: this.options.clientId,
      subscriptionId: this.options.subscriptionId,
      context: this.options.context,
      namespace: this.options.namespace,
      phase: s.phase,
      synced: states.every((state) => state.synced),
      stale: s.synced && s.phase !== 'watching' && s.phase !== 'listing',
      error: s.error ?? others.find((state) => state.error)?.error ?? null,
      retryAt: s.retryAt,
    };
  }

  private publishStatus(): void {
    if (!this.closed) this.options.onStatus(this.status());
  }

  private touch(object: KubeObject): void {
    if (this.descriptor.join) this.uidByOwner.set(ownerKey(object.metadata.namespace, object.metadata.name), object.metadata.uid);
    this.changed.add(object.metadata.uid);
    this.ownChanged.add(object.metadata.uid);
    this.deleted.delete(object.metadata.uid);
  }

  private onObjects(delta: WatchDelta<KubeObject>): void {
    for (const object of [...delta.added, ...delta.modified]) this.touch(object);
    for (const object of delta.deleted) {
      this.uidByOwner.delete(ownerKey(object.metadata.namespace, object.metadata.name));
      this.changed.delete(object.metadata.uid);
      this.ownChanged.delete(object.metadata.uid);
      this.sentSignature.delete(object.metadata.uid);
      this.deleted.add(object.metadata.uid);
    }
    // A list's page came in one answer, not as a flood of events: its rows go out at once.
    this.schedule(delta.listed);
  }

  /** Indexes a joined object under its owner; the owner's key, or null when it has none. */
  private indexJoined(object: KubeObject, present: boolean): string | null {
    const owner = this.joined?.ownerOf(object);
    if (!owner) return null;
    const k = ownerKey(object.metadata.namespace, owner);
    const set = this.joinedByOwner.get(k) ?? new Set<string>();
    if (present) set.add(object.metadata.uid);
    else set.delete(object.metadata.uid);
    if (set.size > 0) this.joinedByOwner.set(k, set);
    else this.joinedByOwner.delete(k);
    return k;
  }

  private onJoined(delta: WatchDelta<KubeObject>): void {
    const touched = new Set<string>();
    for (const object of [...delta.added, ...delta.modified]) {
      const k = this.indexJoined(object, true);
      if (k) touched.add(k);
    }
    for (const object of delta.deleted) {
      const k = this.indexJoined(object, false);
      if (k) touched.add(k);
    }
    for (const k of touched) {
      const uid = this.uidByOwner.get(k);
      if (uid) this.changed.add(uid);
    }
    if (touched.size > 0) this.schedule();
  }

  /**
   * `now`: flush on the next turn of the event loop, whenever the last batch went out (a pending
   * timer gives way to one for the next turn).
   */
  private schedule(now = false): void {
    if (this.closed || (this.timer && !now)) return;
    this.cancelTimer();
    const wait = now ? 0 : this.untilIntervalEnds();
    this.timer = wait <= 0 ? setImmediate(() => this.flush()) : setTimeout(() => this.onTimeout(), wait);
  }

  private untilIntervalEnds(): number {
    return this.lastFlush + (this.options.batchMs ?? 25) - performance.now();
  }

  /**
   * Node fires a timer by the event loop's time, taken when the loop's turn began: after a long
   * turn (a big list page parsed) it fires that much early. One that did waits out the rest.
   */
  private onTimeout(): void {
    this.timer = null;
    if (this.untilIntervalEnds() > 0) this.schedule();
    else this.flush();
  }

  private cancelTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = null;
  }

  private objectOf(uid: string): { object: KubeObject; source: RowSource } | undefined {
    for (const { source, lease } of this.sources) {
      const object = lease.watch.items.get(uid);
      if (object) return { object, source };
    }
    return undefined;
  }

  /** The objects joined to this one, or null while they are not known yet. */
  private joinedOf(object: KubeObject): KubeObject[] | null {
    if (!this.descriptor.join) return [];
    if (!this.joined || !this.joinedKnown) return null;
    const uids = this.joinedByOwner.get(ownerKey(object.metadata.namespace, object.metadata.name)) ?? new Set<string>();
    return [...uids].flatMap((u) => {
      const joined = this.joined!.lease.watch.items.get(u);
      return joined ? [joined] : [];
    });
  }

  private flush(): void {
    this.timer = null;
    if (this.closed || (this.changed.size === 0 && this.deleted.size === 0)) return;
    const upserted: Array<RowOf[K]> = [];
    // A bounded message: the rest follows at once, in order, so neither side holds one huge message
    // and the renderer can paint in between.
    const limit = this.options.maxBatchRows ?? 250;
    const taken: string[] = [];
    for (const uid of this.changed) {
      if (taken.length >= limit) break;
      taken.push(uid);
    }
    const signatureOf = this.descriptor.joinSignature;
    for (const uid of taken) {
      const found = this.objectOf(uid);
      if (!found) continue;
      const row = this.descriptor.toRow(this.options.context, found.object, found.source, this.joinedOf(found.object));
      if (signatureOf) {
        const signature = signatureOf(row);
        // Only joined objects changed and what they decide in the row did not: nothing to send.
        if (!this.ownChanged.has(uid) && this.sentSignature.get(uid) === signature) continue;
        this.sentSignature.set(uid, signature);
      }
      upserted.push(row);
    }
    const batch: RowsBatch<K> = {
      clientId: this.options.clientId,
      subscriptionId: this.options.subscriptionId,
      kind: this.descriptor.kind,
      context: this.options.context,
      namespace: this.options.namespace,
      upserted,
      deleted: [...this.deleted],
    };
    for (const uid of taken) {
      this.changed.delete(uid);
      this.ownChanged.delete(uid);
    }
    this.deleted.clear();
    if (upserted.length > 0 || batch.deleted.length > 0) {
      // Only a batch sent starts an interval, timed from when it goes out (building one may take
      // longer than the next): the first rows after a quiet spell (or after subscribing) go out at once.
      this.lastFlush = performance.now();
      this.options.onBatch(batch);
    }
    if (this.changed.size > 0) this.timer = setImmediate(() => this.flush());
  }
}
