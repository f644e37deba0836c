// Portolan's own notes on drafts (where each is meant to go, its last checks and applies), kept in the
// app's data folder and never in the draft file: the file stays exactly what `kubectl apply -f` reads.
// Keyed by the drafts folder and the file's name, so pointing the app at another folder keeps both.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import type { DraftApplyRecord, DraftTarget, DraftValidation } from '../../api/types';
import { writeFileAtomic } from '../state/atomic-write';

const target = v.object({ context: v.string(), namespace: v.string() });
const noteSchema = v.object({
  targets: v.array(target),
  validation: v.nullable(v.object({ at: v.string(), problems: v.number(), first: v.nullable(v.string()) })),
  applied: v.array(v.object({
    context: v.string(), namespace: v.string(), at: v.string(), dryRun: v.boolean(),
    outcome: v.picklist(['created', 'updated', 'unchanged', 'conflict', 'invalid', 'forbidden', 'unreachable', 'changed', 'error']),
    message: v.nullable(v.string()),
  })),
});
const fileSchema = v.object({ folders: v.record(v.string(), v.record(v.string(), noteSchema)) });

export interface DraftNote {
  targets: DraftTarget[];
  validation: DraftValidation | null;
  applied: DraftApplyRecord[];
}

export const EMPTY_NOTE: DraftNote = { targets: [], validation: null, applied: [] };
/** Applies remembered per draft: the newest per target, at most this many targets. */
const MAX_APPLIED = 50;

export class DraftNotes {
  private readonly file: string | null;
  private notes: Record<string, Record<string, DraftNote>> = {};
  private writing: Promise<void> = Promise.resolve();

  constructor(stateDir: string | null) {
    this.file = stateDir ? join(stateDir, 'draft-notes.json') : null;
  }

  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const parsed = v.safeParse(fileSchema, JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) this.notes = parsed.output.folders;
    } catch {
      /* none yet, or unreadable: start empty (the drafts themselves are untouched) */
    }
  }

  get(folder: string, file: string): DraftNote {
    return this.notes[folder]?.[file] ?? EMPTY_NOTE;
  }

  async update(folder: string, file: string, change: (note: DraftNote) => DraftNote): Promise<DraftNote> {
    const next = change(this.get(folder, file));
    this.notes = { ...this.notes, [folder]: { ...this.notes[folder], [file]: next } };
    await this.save();
    return next;
  }

  /** Records one target's apply, replacing that target's previous record. */
  recordApply(folder: string, file: string, record: DraftApplyRecord): Promise<DraftNote> {
    return this.update(folder, file, (note) => ({
      ...note,
      applied: [record, ...note.applied.filter((a) => a.context !== record.context || a.namespace !== record.namespace)].slice(0, MAX_APPLIED),
    }));
  }

  async move(folder: string, from: string, to: string | null): Promise<void> {
    const notes = { ...this.notes[folder] };
    const note = notes[from];
    delete notes[from];
    if (to !== null && note) notes[to] = note;
    this.notes = { ...this.notes, [folder]: notes };
    await this.save();
  }

  private save(): Promise<void> {
    if (!this.file) return Promise.resolve();
    const file = this.file;
    const data = `${JSON.stringify({ folders: this.notes }, null, 2)}\n`;
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(file, data));
    return this.writing;
  }
}
