// The files of a drafts folder: which ones count, what each one's summary is (re-read only when its
// size or time changed), and a free name for a new one.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DraftSummary } from '../../api/types';
import { PortolanError } from '../../api/portolan-error';
import { draftVersion, manifestFields, MAX_DRAFT_BYTES, tooLarge } from './draft-summary';

type FileFields = Omit<DraftSummary, 'targets' | 'validation' | 'applied'>;

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** A file the Drafts view lists: YAML or JSON, not hidden (temporary files of a save are hidden). */
export function isDraftFileName(name: string): boolean {
  return !name.startsWith('.') && EXTENSIONS.has(extname(name).toLowerCase());
}

/** A name the user gave (rename): one plain file name in the folder; `.yaml` is added when it has no extension. */
export function checkedFileName(name: string): string {
  const trimmed = name.trim();
  const withExtension = EXTENSIONS.has(extname(trimmed).toLowerCase()) ? trimmed : `${trimmed}.yaml`;
  if (!trimmed || /[/\\\0]/.test(trimmed) || trimmed.startsWith('.') || withExtension.length > 255) {
    throw new PortolanError('invalid-input', `"${name}" is not a file name a draft can have (no folders, not hidden)`);
  }
  return withExtension;
}

/** `base.yaml`, or `base-2.yaml`, … : the first name not taken. */
export function freeName(base: string, taken: (name: string) => boolean): string {
  const stem = base.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '') || 'untitled';
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}.yaml`;
    if (!taken(name)) return name;
  }
}

/** Reads a file's text, or null when it is gone. */
export async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export class FolderScan {
  private cache = new Map<string, { mtimeMs: number; size: number; fields: FileFields }>();

  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
  }

  /** Every listed file's summary fields; unreadable files are listed with their error. */
  async scan(): Promise<FileFields[]> {
    const names = (await readdir(this.folder, { withFileTypes: true })).filter((d) => d.isFile() && isDraftFileName(d.name)).map((d) => d.name);
    const next = new Map<string, { mtimeMs: number; size: number; fields: FileFields }>();
    await Promise.all(names.map(async (name) => {
      const path = join(this.folder, name);
      try {
        const info = await stat(path);
        const cached = this.cache.get(name);
        if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) {
          next.set(name, cached);
          return;
        }
        const modifiedAt = info.mtime.toISOString();
        let fields: FileFields;
        if (info.size > MAX_DRAFT_BYTES) {
          fields = { file: name, version: `size-${info.size}-${info.mtimeMs}`, modifiedAt, name: null, namespace: null, alias: null, type: null, problem: tooLarge(info.size) };
        } else {
          const text = await readFile(path, 'utf8');
          fields = { file: name, version: draftVersion(text), modifiedAt, ...(await manifestFields(text)) };
        }
        next.set(name, { mtimeMs: info.mtimeMs, size: info.size, fields });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // gone between readdir and read
        next.set(name, {
          mtimeMs: 0, size: 0,
          fields: { file: name, version: '', modifiedAt: new Date(0).toISOString(), name: null, namespace: null, alias: null, type: null, problem: { code: 'draft.unreadable', params: { detail: (error as Error).message } } },
        });
      }
    }));
    this.cache = next;
    return [...next.values()].map((entry) => entry.fields).sort((a, b) => a.file.localeCompare(b.file));
  }

  has(name: string): boolean {
    return this.cache.has(name);
  }
}
