// What the Drafts view shows of a file: its Service's name, namespace, alias and type, or why the file
// is not a usable draft (not YAML, not a Service, several documents). Reading never changes the file.
import { createHash } from 'node:crypto';
import type { DraftSummary, Explanation } from '../../api/types';
import { ALIAS_ANNOTATION } from '../../api/kubesphere-annotations';
import { parseOffThread } from '../parse-worker/off-thread';

/** A draft is one Service: far below this. Larger files are listed as too large and not read. */
export const MAX_DRAFT_BYTES = 1024 * 1024;

/** The version a save names: a digest of the file's bytes. */
export function draftVersion(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

type ManifestFields = Pick<DraftSummary, 'name' | 'namespace' | 'alias' | 'type' | 'problem'>;

const NOTHING: ManifestFields = { name: null, namespace: null, alias: null, type: null, problem: null };

/** The summary fields of a draft's text (large texts are read off the main thread). */
export async function manifestFields(text: string): Promise<ManifestFields> {
  const read = await parseOffThread({ kind: 'manifest', text }).catch((e: Error) => ({ ok: false as const, detail: e.message }));
  if (!read.ok) {
    const code = read.detail.includes('documents') ? 'draft.manyDocuments' : 'draft.notYaml';
    return { ...NOTHING, problem: { code, params: { detail: read.detail } } };
  }
  const doc = read.value as { apiVersion?: unknown; kind?: unknown; metadata?: Record<string, unknown>; spec?: Record<string, unknown> } | null;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ...NOTHING, problem: { code: 'draft.notService', params: { kind: '—' } } };
  if (doc.apiVersion !== 'v1' || doc.kind !== 'Service') {
    return { ...NOTHING, problem: { code: 'draft.notService', params: { kind: `${String(doc.apiVersion ?? '?')} ${String(doc.kind ?? '?')}` } } };
  }
  const metadata = doc.metadata ?? {};
  const annotations = (metadata.annotations ?? {}) as Record<string, unknown>;
  const spec = doc.spec ?? {};
  return {
    name: typeof metadata.name === 'string' ? metadata.name : null,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : null,
    alias: typeof annotations[ALIAS_ANNOTATION] === 'string' ? annotations[ALIAS_ANNOTATION] : null,
    type: spec.clusterIP === 'None' ? 'Headless' : typeof spec.type === 'string' ? spec.type : 'ClusterIP',
    problem: null,
  };
}

export function tooLarge(bytes: number): Explanation {
  return { code: 'draft.tooLarge', params: { size: `${Math.round(bytes / 1024)} KiB`, limit: `${MAX_DRAFT_BYTES / 1024} KiB` } };
}
