// What apply and create share: reading the user's text as one v1 Service, and turning an API
// server's refusal into data (what kind, the server's words, the fields it names).
import type { Explanation, FieldProblem } from '../../api/types';
import { KubeRequestError, type KubeFailureKind } from '../kube/kube-errors';
import { parseOffThread } from '../parse-worker/off-thread';
import type { ManifestText } from '../manifests/manifest-text';

export interface ServiceManifest {
  apiVersion: 'v1';
  kind: 'Service';
  metadata?: Record<string, unknown> & { name?: unknown; namespace?: unknown };
  [field: string]: unknown;
}

export type ReadManifest = { ok: true; manifest: ServiceManifest } | { ok: false; explanation: Explanation };

/** Parses YAML or JSON (JSON is YAML), within bounds and off the main thread, and checks that it is one v1 Service. */
export async function readServiceManifest(text: string): Promise<ReadManifest> {
  const read = await parseOffThread({ kind: 'manifest', text }).catch((e: Error): ManifestText => ({ ok: false, detail: e.message }));
  if (!read.ok) return { ok: false, explanation: { code: 'manifest.notYaml', params: { detail: read.detail } } };
  const manifest = read.value as Partial<ServiceManifest> | null;
  if (!manifest || typeof manifest !== 'object' || manifest.apiVersion !== 'v1' || manifest.kind !== 'Service') {
    return { ok: false, explanation: { code: 'manifest.notService', params: {} } };
  }
  return { ok: true, manifest: manifest as ServiceManifest };
}

/**
 * A manifest meant for an existing Service must keep its name and namespace (changing them would
 * make another Service): the refusal when it does not, else null. Apply and edit both check this.
 */
export function identityChanged(manifest: ServiceManifest, target: { name: string; namespace: string }):
  { ok: false; reason: 'invalid'; explanation: Explanation; problems: FieldProblem[] } | null {
  if (manifest.metadata?.name !== target.name) {
    return { ok: false, reason: 'invalid', explanation: { code: 'manifest.nameChanged', params: { name: target.name } }, problems: [{ field: '.metadata.name', message: 'changed' }] };
  }
  if (manifest.metadata.namespace !== undefined && manifest.metadata.namespace !== target.namespace) {
    return { ok: false, reason: 'invalid', explanation: { code: 'manifest.namespaceChanged', params: { namespace: target.namespace } }, problems: [{ field: '.metadata.namespace', message: 'changed' }] };
  }
  return null;
}

/** An API server's (or the network's) refusal: `reasons` maps the failure kinds a caller tells apart. */
export function refusal<R extends string>(error: unknown, reasons: Partial<Record<KubeFailureKind, R>>, otherwise: R):
  { ok: false; reason: R; explanation: Explanation; problems: FieldProblem[] } {
  if (!(error instanceof KubeRequestError)) {
    return { ok: false, reason: otherwise, explanation: { code: 'server.said', params: { detail: (error as Error).message } }, problems: [] };
  }
  const message = error.details?.message ?? error.message;
  const strict = strictDecodingProblems(message);
  // A refused patch quotes the whole patched object before "strict decoding error": say only the fields.
  const causes = (error.details?.details?.causes ?? []).filter((c) => !(strict.length && c.message?.includes('strict decoding error')));
  const problems = [...causes.map((c) => ({ field: c.field ?? null, message: c.message ?? c.reason ?? '' })), ...strict];
  const detail = strict.length ? message.slice(message.indexOf('strict decoding error')) : message;
  return { ok: false, reason: reasons[error.kind] ?? otherwise, explanation: { code: 'server.said', params: { detail } }, problems };
}

/**
 * Strict field validation refuses with a 400 whose message lists the fields: `strict decoding error:
 * unknown field "spec.template", duplicate field "port"`. Each becomes a problem on its field.
 */
export function strictDecodingProblems(message: string): FieldProblem[] {
  if (!message.includes('strict decoding error')) return [];
  return [...message.matchAll(/(unknown|duplicate) field "([^"]+)"/g)].map((m) => ({ field: m[2]!, message: `${m[1]} field` }));
}
