// One list+watch per (cluster, resource, namespace scope), shared by every subscriber and stopped when
// the last one leaves. Streams that rows are made of can be told apart from streams only joined into
// rows (a Service's EndpointSlices): joins wait while any row stream is in its first list, so that
// the rows of every selected cluster are listed first, with the API servers and this process to
// themselves.
import type { KubeClient } from '../kube/kube-client';
import type { KubeFailureKind } from '../kube/kube-errors';
import { refKey, type KubeObject, type ResourceRef } from './resource-ref';
import { ResourceWatch, type ResourceWatchOptions } from './resource-watch';

interface Shared {
  watch: ResourceWatch<KubeObject>;
  users: number;
  /** Some subscriber makes rows of it (its first list is waited for before joins start). */
  rows: boolean;
}

export interface WatchLease<T extends KubeObject> {
  watch: ResourceWatch<T>;
  release(): void;
}

/** Failures that say something about the whole connection, not just one stream. */
const CONNECTION_TROUBLE = new Set<KubeFailureKind>(['unreachable', 'tls-error', 'unauthorized', 'auth-error']);

export class WatchHub {
  private readonly shared = new Map<string, Shared>();
  private readonly options: ResourceWatchOptions;
  private readonly onTrouble: (context: string) => void;
  /** Called once no row stream is in its first list (see whenRowsListed). */
  private readonly waiters = new Set<() => void>();

  /** `onTrouble` hears of a stream failing in a way that concerns its whole context. */
  constructor(options: ResourceWatchOptions = {}, onTrouble: (context: string) => void = () => undefined) {
    this.options = options;
    this.onTrouble = onTrouble;
  }

  /** `rows`: the subscriber makes rows of this stream (not only joins it into rows). */
  acquire<T extends KubeObject>(context: string, client: KubeClient, ref: ResourceRef, use: { rows?: boolean } = {}): WatchLease<T> {
    const key = `${context}|${refKey(ref)}`;
    let entry = this.shared.get(key);
    if (!entry) {
      entry = { watch: new ResourceWatch<KubeObject>(client, ref, this.options), users: 0, rows: false };
      entry.watch.onState((state) => {
        if (state.error && CONNECTION_TROUBLE.has(state.error.kind)) this.onTrouble(context);
        this.wakeWaiters();
      });
      this.shared.set(key, entry);
      entry.watch.start();
    }
    entry.users += 1;
    entry.rows ||= use.rows === true;
    const held = entry;
    let released = false;
    return {
      watch: held.watch as unknown as ResourceWatch<T>,
      release: () => {
        if (released) return;
        released = true;
        held.users -= 1;
        if (held.users === 0) {
          held.watch.stop();
          // A lease that outlived dropContext must not remove the stream that replaced its own.
          if (this.shared.get(key) === held) this.shared.delete(key);
          this.wakeWaiters();
        }
      },
    };
  }

  /** True while a stream that rows are made of is in its first list (not waiting out a failure). */
  private rowsListing(): boolean {
    for (const { rows, watch } of this.shared.values()) if (rows && !watch.state.synced && watch.state.phase === 'listing') return true;
    return false;
  }

  private wakeWaiters(): void {
    if (this.waiters.size === 0 || this.rowsListing()) return;
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * Calls `ready` once no row stream is in its first list: at once if none is, else when the last
   * one lists, or after `maxMs` (a slow cluster holds back the others' joins no longer than that).
   * Returns a cancel.
   */
  whenRowsListed(ready: () => void, maxMs: number): () => void {
    if (!this.rowsListing()) {
      ready();
      return () => undefined;
    }
    const cancel = (): void => {
      clearTimeout(timer);
      this.waiters.delete(wake);
    };
    const wake = (): void => {
      cancel();
      ready();
    };
    const timer = setTimeout(wake, maxMs);
    this.waiters.add(wake);
    return cancel;
  }

  /** Streams running now, by key: for tests and diagnostics. */
  activeKeys(): string[] {
    return [...this.shared.keys()];
  }

  /** How often each running stream listed, watched and saw events. */
  stats(): Record<string, { lists: number; watches: number; events: number }> {
    return Object.fromEntries([...this.shared].map(([key, entry]) => [key, { ...entry.watch.stats }]));
  }

  /** Stops every stream of a context (its connection closed or changed). */
  dropContext(context: string): void {
    for (const [key, entry] of this.shared) {
      if (key.startsWith(`${context}|`)) {
        entry.watch.stop();
        this.shared.delete(key);
      }
    }
    this.wakeWaiters();
  }
}
