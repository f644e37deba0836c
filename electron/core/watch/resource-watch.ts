// One list+watch of one resource in one namespace scope, in the manner of client-go's reflector: list
// (a first page, then the rest: list-requests.ts), watch from the list's resourceVersion with
// bookmarks, follow resourceVersion, relist on 410 Gone, restart a watch that goes silent
// (watchdog), back off and reconnect when the server goes away. It keeps the authoritative cache
// keyed by uid and reports every change as a delta.
import { Emitter } from '../../api/emitter';
import type { WatchPhase } from '../../api/types';
import type { KubeClient } from '../kube/kube-client';
import { ABORTED } from '../kube/abort-reason';
import { KubeRequestError, type KubeFailureKind, type KubeStatus } from '../kube/kube-errors';
import { Backoff } from './backoff';
import { listPlan, nextListRequest, type ListPageMeta, type ListPlan, type ListRequest } from './list-requests';
import { resourcePath, type KubeObject, type ResourceRef } from './resource-ref';

export interface WatchDelta<T> {
  added: T[];
  modified: T[];
  deleted: T[];
  /** True when the delta comes from a (re)list: the cache now equals the server's list. */
  relisted: boolean;
  /** True when its objects came in one list answer (a page, or a relist), not one by one as watch events. */
  listed: boolean;
}


export interface WatchState {
  phase: WatchPhase;
  /** True once a list completed; stays true through later outages (the cache is then stale). */
  synced: boolean;
  error: { kind: KubeFailureKind; message: string } | null;
  /** When the next attempt starts (backoff and denied phases), epoch ms. */
  retryAt: number | null;
}

export interface ResourceWatchOptions {
  /** Objects in a list's first page (LIST_PAGES.first unless set). */
  pageSize?: number;
  /** The most objects asked for in one page (LIST_PAGES.growth × pageSize unless set, never under pageSize). */
  maxPageSize?: number;
  /** After the first page, at most this many remaining objects come in one answer (the most of one page unless set; 0: page on). */
  wholeRestMax?: number;
  /** Restart a watch that delivers nothing (not even a bookmark) for this long. */
  watchdogMs?: number;
  /** Wait before retrying after 401/403: credentials and RBAC rarely change by themselves. */
  deniedRetryMs?: number;
  /** Reconnect backoff of each stream (every stream gets its own). */
  backoff?: { initialMs: number; maxMs: number; jitter?: boolean };
}

export interface WatchStats {
  lists: number;
  watches: number;
  events: number;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> => new Promise((resolve) => {
  if (signal.aborted) return resolve();
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    resolve();
  }, { once: true });
});

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Objects whose cached copy lacks the last-applied annotation the server holds. */
const trimmed = new WeakSet<object>();

/** True when the cache dropped this object's last-applied annotation (read the object to see it). */
export function lacksLastApplied(object: object): boolean {
  return trimmed.has(object);
}

/**
 * A copy of the record without `key`, built afresh: `delete` on a copy turns it into a dictionary
 * (slower to read, and 10,000 Services' metadata took about 5 MB more).
 */
function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const copy: Record<string, V> = {};
  for (const k of Object.keys(record)) if (k !== key) copy[k] = record[k]!;
  return copy;
}

/**
 * What the cache keeps of an object: all of it but metadata.managedFields, which no view shows and
 * which is often the largest part, and the value of kubectl's last-applied annotation (a second copy
 * of the object for everything made with client-side `kubectl apply`), which only the detail view
 * shows: it reads the object itself (client-go's informers offer the same trim as a TransformFunc).
 */
function slim<T extends KubeObject>(object: T): T {
  const metadata = object.metadata as T['metadata'] & { managedFields?: unknown; annotations?: Record<string, string> };
  const lastApplied = metadata?.annotations?.[LAST_APPLIED] !== undefined;
  if (metadata?.managedFields === undefined && !lastApplied) return object;
  const rest = without(metadata, 'managedFields') as T['metadata'];
  if (lastApplied) rest.annotations = without(metadata.annotations!, LAST_APPLIED);
  const copy = { ...object, metadata: rest };
  if (lastApplied) trimmed.add(copy);
  return copy;
}

export class ResourceWatch<T extends KubeObject> {
  readonly items = new Map<string, T>();
  readonly stats: WatchStats = { lists: 0, watches: 0, events: 0 };
  private readonly client: KubeClient;
  private readonly ref: ResourceRef;
  private readonly plan: ListPlan;
  private readonly watchdogMs: number;
  private readonly deniedRetryMs: number;
  private readonly backoff: Backoff;
  private readonly deltas = new Emitter<[WatchDelta<T>]>();
  private readonly states = new Emitter<[WatchState]>();
  private controller: AbortController | null = null;
  private resourceVersion: string | null = null;
  private current: WatchState = { phase: 'stopped', synced: false, error: null, retryAt: null };
  private restartCurrentWatch: (() => void) | null = null;

  constructor(client: KubeClient, ref: ResourceRef, options: ResourceWatchOptions = {}) {
    this.client = client;
    this.ref = ref;
    this.plan = listPlan(options);
    this.watchdogMs = options.watchdogMs ?? 90_000;
    this.deniedRetryMs = options.deniedRetryMs ?? 60_000;
    const b = options.backoff;
    this.backoff = b ? new Backoff(b.initialMs, b.maxMs, b.jitter === false ? () => 1 : Math.random) : new Backoff();
  }

  get state(): WatchState {
    return this.current;
  }

  onDelta(listener: (delta: WatchDelta<T>) => void): () => void {
    return this.deltas.on(listener);
  }

  onState(listener: (state: WatchState) => void): () => void {
    return this.states.on(listener);
  }

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    void this.run(this.controller.signal);
  }

  /** Stops the stream and lets its cache go (a list or watch still winding down holds no object). */
  stop(): void {
    this.controller?.abort(ABORTED);
    this.controller = null;
    this.setState({ phase: 'stopped', error: null, retryAt: null });
    this.items.clear();
  }

  /** Retry now instead of waiting out a backoff or a denied pause (the user pressed Retry). */
  retryNow(): void {
    this.restartCurrentWatch?.();
  }

  private setState(patch: Partial<WatchState>): void {
    this.current = { ...this.current, ...patch };
    this.states.emit(this.current);
  }

  private emit(delta: WatchDelta<T>): void {
    this.deltas.emit(delta);
  }

  private async run(signal: AbortSignal): Promise<void> {
    let needsList = true;
    while (!signal.aborted) {
      try {
        if (needsList) {
          this.setState({ phase: 'listing', retryAt: null });
          await this.list(signal);
          // A list cut short by stop() returns quietly: never go on to a watch.
          if (signal.aborted) break;
          needsList = false;
        }
        const began = Date.now();
        await this.watch(signal);
        // A watch the server (or a proxy) ends at once, again and again, must not become a busy loop.
        if (Date.now() - began < 1000) await this.pause(this.backoff.next(), signal);
      } catch (error) {
        if (signal.aborted) break;
        const failure = error instanceof KubeRequestError ? error : new KubeRequestError('server-error', String(error), 0);
        if (failure.kind === 'gone') {
          needsList = true; // resourceVersion too old: relist, at once
          continue;
        }
        const denied = failure.kind === 'forbidden' || failure.kind === 'unauthorized';
        const wait = denied ? this.deniedRetryMs : this.backoff.next();
        this.setState({ phase: denied ? 'denied' : 'backoff', error: { kind: failure.kind, message: failure.message }, retryAt: Date.now() + wait });
        await this.pause(wait, signal);
      }
    }
  }

  private pause(ms: number, signal: AbortSignal): Promise<void> {
    const early = new AbortController();
    this.restartCurrentWatch = () => early.abort(ABORTED);
    return sleep(ms, AbortSignal.any([signal, early.signal])).finally(() => {
      this.restartCurrentWatch = null;
    });
  }

  private async list(signal: AbortSignal): Promise<void> {
    const fresh = new Map<string, T>();
    let listVersion: string | null = null;
    // The first list of a stream has nothing to compare with: each answer is shown as it arrives
    // (the first rows of a big cluster appear after one small page, not the whole list). A relist is
    // compared with what is known as a whole, so nothing seems deleted while its answers come in.
    const progressive = this.items.size === 0 && !this.current.synced;
    let request: ListRequest | null = { limit: this.plan.first };
    while (request && !signal.aborted) {
      const page = await this.client.json<{ items?: T[]; metadata?: ListPageMeta }>(
        'GET', resourcePath(this.ref), { query: { limit: request.limit, continue: request.continue }, signal, timeoutMs: 60_000 });
      const whole = request.limit === undefined;
      // A whole list after the first page replaces it: it is the list, at its own resourceVersion.
      if (whole) fresh.clear();
      if (whole || listVersion === null) listVersion = page.metadata?.resourceVersion ?? null;
      const items = (page.items ?? []).map(slim);
      for (const item of items) fresh.set(item.metadata.uid, item);
      if (progressive && !signal.aborted) {
        // Objects shown from the first page are not shown again; what changed or went in between is
        // in the delta that ends the list.
        const shown = whole ? items.filter((item) => !this.items.has(item.metadata.uid)) : items;
        for (const item of shown) this.items.set(item.metadata.uid, item);
        if (shown.length > 0) this.emit({ added: shown, modified: [], deleted: [], relisted: false, listed: true });
      }
      request = nextListRequest(request, page.metadata, this.plan);
    }
    if (signal.aborted) return;
    this.stats.lists += 1;
    const delta: WatchDelta<T> = { added: [], modified: [], deleted: [], relisted: true, listed: true };
    for (const [uid, item] of fresh) {
      const old = this.items.get(uid);
      if (!old) delta.added.push(item);
      else if (old.metadata.resourceVersion !== item.metadata.resourceVersion) delta.modified.push(item);
    }
    for (const [uid, item] of this.items) if (!fresh.has(uid)) delta.deleted.push(item);
    this.items.clear();
    for (const [uid, item] of fresh) this.items.set(uid, item);
    this.resourceVersion = listVersion;
    this.setState({ synced: true });
    this.emit(delta);
  }

  private async watch(signal: AbortSignal): Promise<void> {
    const local = new AbortController();
    let watchdog: NodeJS.Timeout | null = null;
    // Stopped: the watchdog goes at once (its timer would keep this stream for 90 s otherwise).
    const stopLocal = (): void => {
      if (watchdog) clearTimeout(watchdog);
      local.abort(ABORTED);
    };
    signal.addEventListener('abort', stopLocal, { once: true });
    let silent = false;
    const feed = (): void => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silent = true;
        local.abort(ABORTED);
      }, this.watchdogMs);
    };
    try {
      const response = await this.client.stream(resourcePath(this.ref), {
        query: {
          watch: 1,
          allowWatchBookmarks: true,
          resourceVersion: this.resourceVersion ?? undefined,
          // Servers end watches after this long; a spread keeps many streams from restarting together.
          timeoutSeconds: 240 + Math.floor(Math.random() * 120),
        },
        signal: local.signal,
      });
      this.stats.watches += 1;
      this.setState({ phase: 'watching', error: null, retryAt: null });
      this.backoff.reset();
      feed();
      const decoder = new TextDecoder();
      let buffer = '';
      if (!response.body) return;
      for await (const chunk of response.body) {
        feed();
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let newline = buffer.indexOf('\n');
        while (newline >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (line) this.apply(line);
          newline = buffer.indexOf('\n');
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      if (silent) return; // the watchdog fired: watch again from the last resourceVersion
      throw error instanceof KubeRequestError ? error : new KubeRequestError('unreachable', `watch stream broke: ${(error as Error).message}`, 0);
    } finally {
      if (watchdog) clearTimeout(watchdog);
      signal.removeEventListener('abort', stopLocal);
      local.abort(ABORTED);
    }
  }

  private apply(line: string): void {
    let event: { type?: string; object?: T | KubeStatus };
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      return;
    }
    if (event.type === 'ERROR') {
      const status = event.object as KubeStatus;
      const code = status.code ?? 500;
      throw new KubeRequestError(code === 410 ? 'gone' : code === 403 ? 'forbidden' : 'server-error', status.message ?? 'watch error', code, status);
    }
    const object = event.object ? slim(event.object as T) : undefined;
    if (!object?.metadata) return;
    if (object.metadata.resourceVersion) this.resourceVersion = object.metadata.resourceVersion;
    if (event.type === 'BOOKMARK') return;
    this.stats.events += 1;
    const uid = object.metadata.uid;
    if (event.type === 'ADDED' || event.type === 'MODIFIED') {
      const existed = this.items.has(uid);
      this.items.set(uid, object);
      this.emit({ added: existed ? [] : [object], modified: existed ? [object] : [], deleted: [], relisted: false, listed: false });
    } else if (event.type === 'DELETED') {
      this.items.delete(uid);
      this.emit({ added: [], modified: [], deleted: [object], relisted: false, listed: false });
    }
  }
}
