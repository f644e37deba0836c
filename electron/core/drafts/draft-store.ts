// Drafts are files the user owns: one Service manifest per `.yaml` file in a folder (the app's data
// folder, or one the user chose, such as a Git checkout), which `kubectl apply -f` takes as it is.
// Saves are atomic and name the version they started from, so an edit made in another editor is never
// overwritten unseen; the folder is watched, so files that appear, change or vanish show up live.
// Portolan's own notes (targets, checks, applies) live beside the folder, in draft-meta.ts.
import { watch, type FSWatcher } from 'node:fs';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftApplyRecord, DraftImportResult, DraftList, DraftSaveResult, DraftSummary, DraftTarget, DraftText, DraftValidation } from '../../api/types';
import { PortolanError } from '../../api/portolan-error';
import { writeFileAtomic } from '../state/atomic-write';
import { parseOffThread } from '../parse-worker/off-thread';
import { checkedFileName, FolderScan, freeName, readText } from './draft-files';
import { servicesIn } from './draft-import';
import { DraftNotes } from './draft-meta';
import { migrateJsonDrafts } from './draft-migration';
import { draftVersion } from './draft-summary';

export interface DraftStoreOptions {
  /** The app's data folder: the default drafts folder is `drafts` in it, and the notes live there. */
  stateDir: string | null;
  /** Moves a file to the OS trash (the desktop app); without it, deleted drafts go to `<state>/draft-trash`. */
  trash?: (path: string) => Promise<void>;
  /** How long file events are gathered before the folder is read again. */
  settleMs?: number;
}

export interface SaveRequest {
  /** null: a new draft, named after its Service. */
  file: string | null;
  text: string;
  /** The version the text was opened at (null: the file must not exist yet). */
  expectedVersion: string | null;
  targets?: DraftTarget[];
  validation?: Omit<DraftValidation, 'at'>;
}

export class DraftStore {
  private readonly options: DraftStoreOptions;
  private readonly notes: DraftNotes;
  private scan: FolderScan | null = null;
  private watcher: FSWatcher | null = null;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<(list: DraftList) => void>();
  private last: DraftList | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: DraftStoreOptions) {
    this.options = options;
    this.notes = new DraftNotes(options.stateDir);
  }

  get defaultFolder(): string | null {
    return this.options.stateDir ? join(this.options.stateDir, 'drafts') : null;
  }

  get folder(): string | null {
    return this.scan?.folder ?? null;
  }

  /** Opens a folder (null: the default one), moving the old JSON drafts into it once. */
  async open(folder: string | null): Promise<DraftList> {
    await this.notes.load();
    const chosen = folder ?? this.defaultFolder;
    this.close();
    if (!chosen) return this.publish({ folder: '', isDefault: true, drafts: [], problem: null });
    if (!folder) await mkdir(chosen, { recursive: true });
    this.scan = new FolderScan(chosen);
    if (this.defaultFolder) await migrateJsonDrafts(this.defaultFolder, (text, target) => this.save({ file: null, text, expectedVersion: null, targets: target ? [target] : [] }));
    this.startWatching(chosen);
    return this.refresh();
  }

  onChange(listener: (list: DraftList) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async list(): Promise<DraftList> {
    return this.last ?? this.refresh();
  }

  async read(file: string): Promise<DraftText> {
    const path = this.pathOf(file);
    const text = await readText(path);
    if (text === null) throw new PortolanError('not-found', `there is no draft ${file} in ${this.folder}`);
    return { file, version: draftVersion(text), text };
  }

  save(request: SaveRequest): Promise<DraftSaveResult> {
    return this.serially(async () => {
      const folder = this.requireFolder();
      let file = request.file === null ? null : checkedFileName(request.file);
      if (file === null) {
        const read = await parseOffThread({ kind: 'manifest', text: request.text }).catch(() => null);
        const name = read?.ok ? (read.value as { metadata?: { name?: unknown } } | null)?.metadata?.name : null;
        await this.refresh();
        file = freeName(typeof name === 'string' && name ? name : 'untitled', (n) => this.scan!.has(n));
      }
      const path = join(folder, file);
      const text = await readText(path);
      const current = text === null ? null : { file, version: draftVersion(text), text };
      if ((current?.version ?? null) !== request.expectedVersion) return { ok: false, reason: 'changed', current };
      // An existing file keeps its permissions; a new one gets the user's usual ones (0666 less umask).
      const mode = text === null ? 0o666 : (await stat(path)).mode & 0o777;
      await writeFileAtomic(path, request.text, mode);
      const { targets, validation } = request;
      if (targets || validation) {
        await this.notes.update(folder, file, (note) => ({
          ...note,
          ...(targets ? { targets } : {}),
          ...(validation ? { validation: { ...validation, at: new Date().toISOString() } } : {}),
        }));
      }
      return { ok: true, draft: await this.summary(file) };
    });
  }

  rename(file: string, to: string): Promise<DraftSummary> {
    return this.serially(async () => {
      const folder = this.requireFolder();
      const target = checkedFileName(to);
      if ((await readText(join(folder, target))) !== null) throw new PortolanError('invalid-input', `${target} already exists in ${folder}`);
      await rename(this.pathOf(file), join(folder, target));
      await this.notes.move(folder, checkedFileName(file), target);
      return this.summary(target);
    });
  }

  duplicate(file: string): Promise<DraftSummary> {
    return this.serially(async () => {
      const folder = this.requireFolder();
      await this.refresh();
      const copy = freeName(`${file.replace(/\.(ya?ml|json)$/i, '')}-copy`, (n) => this.scan!.has(n));
      await copyFile(this.pathOf(file), join(folder, copy));
      const { targets } = this.notes.get(folder, checkedFileName(file));
      if (targets.length) await this.notes.update(folder, copy, (note) => ({ ...note, targets }));
      return this.summary(copy);
    });
  }

  /** Moves the file to the trash (never deletes it outright); says where it went. */
  remove(file: string): Promise<{ trashedTo: string }> {
    return this.serially(async () => {
      const folder = this.requireFolder();
      const path = this.pathOf(file);
      let trashedTo = 'trash';
      if (this.options.trash) {
        await this.options.trash(path);
      } else {
        if (!this.options.stateDir) throw new PortolanError('internal', 'there is no trash folder in this session');
        const bin = join(this.options.stateDir, 'draft-trash');
        await mkdir(bin, { recursive: true });
        trashedTo = join(bin, `${new Date().toISOString().replace(/[:.]/g, '-')}-${checkedFileName(file)}`);
        await rename(path, trashedTo);
      }
      await this.notes.move(folder, checkedFileName(file), null);
      await this.refresh();
      return { trashedTo };
    });
  }

  /** Each Service of a multi-document file becomes a draft (its own bytes); other documents are reported. */
  async importText(text: string, targets: DraftTarget[] = []): Promise<DraftImportResult> {
    const { services, skipped } = servicesIn(text);
    const created: DraftSummary[] = [];
    for (const service of services) {
      const saved = await this.save({ file: null, text: service.text, expectedVersion: null, targets });
      if (saved.ok) created.push(saved.draft);
    }
    return { created, skipped };
  }

  async setTargets(file: string, targets: DraftTarget[]): Promise<DraftSummary> {
    await this.notes.update(this.requireFolder(), checkedFileName(file), (note) => ({ ...note, targets }));
    return this.summary(checkedFileName(file), true);
  }

  async recordApply(file: string, record: DraftApplyRecord): Promise<void> {
    await this.notes.recordApply(this.requireFolder(), checkedFileName(file), record);
    await this.refresh(true);
  }

  close(): void {
    clearTimeout(this.settle);
    this.watcher?.close();
    this.watcher = null;
  }

  private startWatching(folder: string): void {
    try {
      this.watcher = watch(folder, () => {
        clearTimeout(this.settle);
        this.settle = setTimeout(() => void this.refresh().catch(() => undefined), this.options.settleMs ?? 60);
      });
      this.watcher.on('error', () => this.close());
    } catch {
      /* a folder that cannot be watched is still read on every list */
    }
  }

  /** Reads the folder again and tells listeners when anything changed (or always, with `force`). */
  private async refresh(force = false): Promise<DraftList> {
    const scan = this.scan;
    if (!scan) return this.publish({ folder: '', isDefault: true, drafts: [], problem: null });
    let list: DraftList;
    try {
      const files = await scan.scan();
      list = { folder: scan.folder, isDefault: scan.folder === this.defaultFolder, problem: null, drafts: files.map((f) => ({ ...f, ...this.notes.get(scan.folder, f.file) })) };
    } catch (error) {
      list = { folder: scan.folder, isDefault: scan.folder === this.defaultFolder, drafts: [], problem: { code: 'draft.folderUnreadable', params: { folder: scan.folder, detail: (error as Error).message } } };
    }
    if (scan !== this.scan) return list;
    if (!force && JSON.stringify(list) === JSON.stringify(this.last)) return list;
    return this.publish(list);
  }

  private publish(list: DraftList): DraftList {
    this.last = list;
    for (const listener of this.listeners) listener(list);
    return list;
  }

  private async summary(file: string, force = false): Promise<DraftSummary> {
    const list = await this.refresh(force);
    const found = list.drafts.find((d) => d.file === file);
    if (!found) throw new PortolanError('not-found', `there is no draft ${file} in ${list.folder}`);
    return found;
  }

  private requireFolder(): string {
    if (!this.scan) throw new PortolanError('internal', 'drafts need a folder, and this session has none');
    return this.scan.folder;
  }

  private pathOf(file: string): string {
    return join(this.requireFolder(), checkedFileName(file));
  }

  private serially<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(job);
    this.queue = run;
    return run;
  }
}
