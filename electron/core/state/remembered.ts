// Answers a cluster gave, remembered (in one JSON file of the state folder) so they can still serve
// when that cluster is offline later: its Service schema, the workloads of a namespace. Bounded: the
// oldest go first.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

interface Entry<T> {
  at: string;
  value: T;
}

export class Remembered<T> {
  private readonly file: string | null;
  private entries: Record<string, Entry<T>> | null = null;
  private readonly max: number;
  private writing: Promise<void> = Promise.resolve();

  constructor(stateDir: string | null, name: string, max: number) {
    this.file = stateDir ? join(stateDir, `${name}.json`) : null;
    this.max = max;
  }

  async remember(key: string, value: T): Promise<void> {
    const entries = await this.load();
    delete entries[key];
    entries[key] = { at: new Date().toISOString(), value };
    const keys = Object.keys(entries);
    for (const old of keys.slice(0, Math.max(0, keys.length - this.max))) delete entries[old];
    if (!this.file) return;
    const file = this.file;
    const data = JSON.stringify(entries);
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(file, data));
    await this.writing;
  }

  /**
   * Asks the cluster (`ask`) and remembers its answer under `keyOf(answer)`; when it cannot answer,
   * the newest entry `fallback` names (rememberedAt says when it was read), or the failure itself.
   */
  async answer(ask: () => Promise<T>, keyOf: (value: T) => string, fallback: { key: string; prefix?: boolean }): Promise<{ value: T; rememberedAt: string | null }> {
    try {
      const value = await ask();
      await this.remember(keyOf(value), value);
      return { value, rememberedAt: null };
    } catch (error) {
      const remembered = await this.recall(fallback.key, { prefix: fallback.prefix ?? false });
      if (!remembered) throw error;
      return { value: remembered.value, rememberedAt: remembered.at };
    }
  }

  /** The newest entry whose key is `key`, or starts with `prefix` when given so. */
  async recall(key: string, { prefix = false } = {}): Promise<Entry<T> | null> {
    const entries = await this.load();
    const found = Object.entries(entries).filter(([k]) => (prefix ? k.startsWith(key) : k === key)).map(([, e]) => e);
    return found.sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
  }

  private async load(): Promise<Record<string, Entry<T>>> {
    if (this.entries) return this.entries;
    this.entries = {};
    if (this.file) {
      try {
        this.entries = JSON.parse(await readFile(this.file, 'utf8')) as Record<string, Entry<T>>;
      } catch {
        /* nothing remembered yet */
      }
    }
    return this.entries;
  }
}
