// Drafts on disk: one JSON file per draft in <state>/drafts, written atomically (temporary file, then
// rename), so a crash never leaves half a draft. The drafts issue builds listing, export and apply on
// this; the wizard saves through it today.
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseOffThread } from '../parse-worker/off-thread';
import type { DraftSummary } from '../../api/types';
import { PortolanError } from '../../api/portolan-error';
import { writeFileAtomic } from '../state/atomic-write';

interface DraftFile extends DraftSummary {
  manifest: string;
}

export class DraftStore {
  private readonly dir: string | null;

  constructor(stateDir: string | null) {
    this.dir = stateDir ? join(stateDir, 'drafts') : null;
  }

  async save(input: { id?: string | undefined; context: string | null; namespace: string | null; manifest: string }): Promise<DraftSummary> {
    if (!this.dir) throw new PortolanError('internal', 'drafts need a state folder, and this session has none');
    const id = input.id ?? randomUUID();
    // A draft may hold text that does not parse yet: then it has no name.
    const read = await parseOffThread({ kind: 'manifest', text: input.manifest }).catch(() => null);
    const doc = read?.ok ? (read.value as { metadata?: { name?: unknown } } | null) : null;
    const name = typeof doc?.metadata?.name === 'string' ? doc.metadata.name : '';
    const draft: DraftFile = { id, name, context: input.context, namespace: input.namespace, savedAt: new Date().toISOString(), manifest: input.manifest };
    await writeFileAtomic(join(this.dir, `${id}.json`), `${JSON.stringify(draft, null, 2)}\n`);
    return summaryOf(draft);
  }

  async list(): Promise<DraftSummary[]> {
    if (!this.dir) return [];
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    const drafts = await Promise.all(files.map(async (f) => {
      try {
        return [summaryOf(JSON.parse(await readFile(join(this.dir!, f), 'utf8')) as DraftFile)];
      } catch {
        return [];
      }
    }));
    return drafts.flat().sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }
}

function summaryOf(draft: DraftFile): DraftSummary {
  return { id: draft.id, name: draft.name, context: draft.context, namespace: draft.namespace, savedAt: draft.savedAt };
}
