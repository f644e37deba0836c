// One list+watch per (cluster, resource, namespace scope), shared by every subscriber and stopped when
// the last one leaves.
import type { KubeClient } from '../kube/kube-client';
import type { KubeFailureKind } from '../kube/kube-errors';
import { refKey, type KubeObject, type ResourceRef } from './resource-ref';
import { ResourceWatch, type ResourceWatchOptions } from './resource-watch';

interface Shared {
  watch: ResourceWatch<KubeObject>;
  users: number;
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

  /** `onTrouble` hears of a stream failing in a way that concerns its whole context. */
  constructor(options: ResourceWatchOptions = {}, onTrouble: (context: string) => void = () => undefined) {
    this.options = options;
    this.onTrouble = onTrouble;
  }

  acquire<T extends KubeObject>(context: string, client: KubeClient, ref: ResourceRef): WatchLease<T> {
    const key = `${context}|${refKey(ref)}`;
    let entry = this.shared.get(key);
    if (!entry) {
      entry = { watch: new ResourceWatch<KubeObject>(client, ref, this.options), users: 0 };
      entry.watch.onState((state) => {
        if (state.error && CONNECTION_TROUBLE.has(state.error.kind)) this.onTrouble(context);
      });
      this.shared.set(key, entry);
      entry.watch.start();
    }
    entry.users += 1;
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
          this.shared.delete(key);
        }
      },
    };
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
  }
}
