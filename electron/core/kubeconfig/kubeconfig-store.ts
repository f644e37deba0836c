// The merged kubeconfig, kept current: reads every file, watches each one (a stat poll, which sees
// atomic renames, deleted and re-created files and network filesystems alike), and re-merges when one
// changes. A file caught half-written keeps the contexts it had: an unparsable file keeps its last good
// document, and a file that turns empty or vanishes is re-checked before its contexts are dropped.
import { Emitter } from '../../api/emitter';
import { readFile, stat } from 'node:fs/promises';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { ContextList, Explanation, ExplanationCode, KubeconfigFileOrigin, KubeconfigFileStatus } from '../../api/types';
import { mergeKubeconfigs, toContextList, type KubeconfigFile, type MergedKubeconfig } from './merge-kubeconfigs';
import type { KubeconfigProblem } from './decode-kubeconfig';
import { kubeconfigParser } from '../parse-worker/off-thread';
import { MAX_KUBECONFIG_BYTES, MAX_KUBECONFIG_SIZE, type KubeconfigParser, type ParseResult } from './kubeconfig-parser';
import type { KubeconfigDoc } from './parse-kubeconfig';

export interface KubeconfigPath {
  path: string;
  origin: KubeconfigFileOrigin;
}

export interface KubeconfigStoreOptions {
  /** How often each file is stat'ed. */
  pollMs?: number;
  /** Quiet time after a change before the file is read (a writer is usually done by then). */
  settleMs?: number;
  /** How long a file that turned empty or vanished keeps its contexts before they are dropped. */
  graceMs?: number;
  /** Where texts are parsed: the app's parse worker by default (inline until the app names one). */
  parser?: KubeconfigParser;
}

interface FileEntry {
  origin: KubeconfigFileOrigin;
  status: KubeconfigFileStatus;
  doc: KubeconfigDoc | null;
  /** The last document that parsed, and since when the file looks empty or gone (for the grace period). */
  lastGood: KubeconfigDoc | null;
  losingSince: number | null;
  timer: NodeJS.Timeout | null;
}

function entryNames(doc: KubeconfigDoc | null): Set<string> {
  const names = new Set<string>();
  for (const key of ['clusters', 'users', 'contexts']) {
    const list = doc?.[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const name = (item as { name?: unknown } | null)?.name;
      if (typeof name === 'string') names.add(`${key}/${name}`);
    }
  }
  return names;
}

/** True when `next` lacks a cluster, user or context that `previous` had. */
function losesEntries(previous: KubeconfigDoc | null, next: KubeconfigDoc | null): boolean {
  const before = entryNames(previous);
  const after = entryNames(next);
  return [...before].some((name) => !after.has(name));
}

export class KubeconfigStore {
  private readonly entries = new Map<string, FileEntry>();
  private readonly changes = new Emitter<[ContextList]>();
  private readonly pollMs: number;
  private readonly settleMs: number;
  private readonly graceMs: number;
  private readonly parser: KubeconfigParser;
  private order: KubeconfigPath[] = [];
  private mergedConfig: MergedKubeconfig = mergeKubeconfigs([]);
  private watching = false;

  constructor(options: KubeconfigStoreOptions = {}) {
    this.pollMs = options.pollMs ?? 250;
    this.settleMs = options.settleMs ?? 150;
    this.graceMs = options.graceMs ?? 1000;
    this.parser = options.parser ?? kubeconfigParser();
  }

  get merged(): MergedKubeconfig {
    return this.mergedConfig;
  }

  contextList(): ContextList {
    return toContextList(this.mergedConfig);
  }

  onChange(listener: (list: ContextList) => void): () => void {
    return this.changes.on(listener);
  }

  /** Sets the files, in kubectl's order; reads new ones, forgets removed ones, and re-merges. */
  async setPaths(paths: KubeconfigPath[]): Promise<void> {
    const wanted = new Set(paths.map((p) => p.path));
    for (const path of [...this.entries.keys()]) {
      if (!wanted.has(path)) this.forget(path);
    }
    this.order = paths;
    await Promise.all(paths.map(async ({ path, origin }) => {
      const existing = this.entries.get(path);
      if (existing) {
        existing.origin = origin;
        existing.status = { ...existing.status, origin };
        return;
      }
      const entry: FileEntry = {
        origin, status: { path, origin, state: 'missing', problem: null }, doc: null, lastGood: null, losingSince: null, timer: null,
      };
      this.entries.set(path, entry);
      await this.read(path, entry, true);
      if (this.watching) this.watchOne(path);
    }));
    this.remerge();
  }

  /** Starts following changes on disk. */
  watch(): void {
    if (this.watching) return;
    this.watching = true;
    for (const path of this.entries.keys()) this.watchOne(path);
  }

  close(): void {
    this.watching = false;
    for (const path of [...this.entries.keys()]) this.forget(path);
    this.changes.clear();
    this.parser.close();
  }

  private watchOne(path: string): void {
    // A path the OS cannot take (a NUL in it, from an old state file) is reported on its entry by
    // read(); it is never watched, and never stops the others.
    if (path.includes('\0')) return;
    watchFile(path, { interval: this.pollMs, persistent: false }, (now: Stats, before: Stats) => {
      if (now.mtimeMs === before.mtimeMs && now.size === before.size && now.ino === before.ino) return;
      this.schedule(path, this.settleMs);
    });
    // The poll's baseline is taken a moment after the first read: a write in between would never
    // count as a change. Read once more after the first poll to close that gap.
    this.schedule(path, this.pollMs + this.settleMs);
  }

  private forget(path: string): void {
    const entry = this.entries.get(path);
    if (entry?.timer) clearTimeout(entry.timer);
    if (!path.includes('\0')) unwatchFile(path);
    this.entries.delete(path);
  }

  private schedule(path: string, delayMs: number): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void this.read(path, entry, false).then((changed) => {
        if (changed && this.entries.get(path) === entry) this.remerge();
      });
    }, delayMs);
  }

  /** Reads one file into its entry; true when what the merge sees changed. */
  private async read(path: string, entry: FileEntry, initial: boolean): Promise<boolean> {
    const before = JSON.stringify([entry.status, entry.doc]);
    const origin = entry.origin;
    let text: string | null = null;
    let readProblem: Explanation | null = null;
    try {
      const info = await stat(path);
      // /dev/null reads as an empty file, as kubectl reads it; any other non-file is refused.
      if (info.isCharacterDevice() && path === '/dev/null') text = '';
      else if (!info.isFile()) readProblem = { code: 'file.notAFile', params: { path } };
      else if (info.size > MAX_KUBECONFIG_BYTES) readProblem = tooLarge(path);
      else text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') readProblem = { code: 'file.unreadable', params: { path, detail: (error as Error).message } };
    }

    let result: ParseResult | null = null;
    if (text !== null) {
      try {
        result = await this.parser.parse(text);
      } catch {
        readProblem = tooLarge(path);
      }
    }
    const missing = text === null && readProblem === null;
    const parsed = readProblem === null ? result?.parsed ?? null : null;
    const rejected = result?.problem ?? null;
    // A file that lost entries (or vanished) may be mid-rewrite: a truncated file, or a prefix of the
    // new text that happens to parse. Keep what it had for a grace period and look again; a real
    // removal shows once the file has been the same for that long.
    const shrinking = missing || (parsed?.ok === true && losesEntries(entry.lastGood, parsed.doc));
    if (!initial && shrinking && entryNames(entry.lastGood).size > 0) {
      const since = entry.losingSince ?? Date.now();
      entry.losingSince = since;
      if (Date.now() - since < this.graceMs) {
        this.schedule(path, Math.min(this.settleMs * 2, this.graceMs));
        return false;
      }
    }
    entry.losingSince = null;

    if (missing) {
      entry.status = { path, origin, state: 'missing', problem: { code: MISSING[origin], params: { path } } };
      entry.doc = null;
      entry.lastGood = null;
    } else if (readProblem !== null) {
      entry.status = { path, origin, state: 'invalid', problem: readProblem };
      entry.doc = entry.lastGood;
    } else if (parsed && !parsed.ok) {
      // Whether the contexts it had before stay shown until it is fixed.
      const kept = entry.lastGood !== null;
      const code = parsed.problem === 'not-yaml' ? (kept ? 'file.notYamlKept' : 'file.notYaml') : (kept ? 'file.notKubeconfigKept' : 'file.notKubeconfig');
      entry.status = { path, origin, state: 'invalid', problem: { code, params: { path, detail: parsed.detail } } };
      entry.doc = entry.lastGood;
    } else if (rejected) {
      // Well-formed YAML that kubectl refuses (a wrong type, a name twice, another kind): its entries
      // are not used, as kubectl uses none of them; the other files' contexts stay.
      entry.status = { path, origin, state: 'invalid', problem: explainRejection(path, rejected) };
      entry.doc = null;
    } else if (parsed && parsed.ok) {
      entry.status = { path, origin, state: 'ok', problem: null };
      entry.doc = parsed.doc;
      entry.lastGood = parsed.doc;
    }
    return JSON.stringify([entry.status, entry.doc]) !== before;
  }

  private remerge(): void {
    const files: KubeconfigFile[] = this.order.flatMap(({ path }) => {
      const entry = this.entries.get(path);
      return entry ? [{ status: entry.status, doc: entry.doc }] : [];
    });
    this.mergedConfig = mergeKubeconfigs(files);
    const list = this.contextList();
    this.changes.emit(list);
  }
}

/** What a missing file means depends on where it was listed. */
const MISSING: Record<KubeconfigFileOrigin, ExplanationCode> = { default: 'file.missingDefault', env: 'file.missingEnv', added: 'file.missingAdded' };

function explainRejection(path: string, problem: KubeconfigProblem): Explanation {
  const { code, ...params } = problem;
  return { code, params: { path, ...params } };
}

function tooLarge(path: string): Explanation {
  return { code: 'file.tooLarge', params: { path, limit: MAX_KUBECONFIG_SIZE } };
}
