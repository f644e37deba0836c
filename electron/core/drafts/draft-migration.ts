// Drafts saved before drafts were files (`<state>/drafts/<uuid>.json`: the manifest text inside JSON,
// with the context and namespace the wizard had) become `.yaml` files once. Each old file is removed
// only after its draft was written; one that is not such a draft is left alone (and listed with its error).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftTarget } from '../../api/types';

interface OldDraft {
  id: string;
  context: string | null;
  namespace: string | null;
  manifest: string;
  savedAt: string;
}

function isOldDraft(value: unknown): value is OldDraft {
  const v = value as Partial<OldDraft> | null;
  return !!v && typeof v === 'object' && typeof v.id === 'string' && typeof v.manifest === 'string' && typeof v.savedAt === 'string'
    && (v.context === null || typeof v.context === 'string') && (v.namespace === null || typeof v.namespace === 'string');
}

export async function migrateJsonDrafts(
  folder: string,
  save: (text: string, target: DraftTarget | null) => Promise<{ ok: boolean }>,
): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => /^[0-9a-f-]{36}\.json$/.test(name));
  } catch {
    return 0;
  }
  let moved = 0;
  for (const name of names) {
    const path = join(folder, name);
    let old: unknown;
    try {
      old = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      continue;
    }
    if (!isOldDraft(old)) continue;
    const target = old.context ? { context: old.context, namespace: old.namespace ?? 'default' } : null;
    const saved = await save(old.manifest, target);
    if (!saved.ok) continue;
    await rm(path);
    moved++;
  }
  return moved;
}
