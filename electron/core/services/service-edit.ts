// Editing a live Service as `kubectl edit` users expect: what is sent is the change from the text they
// opened to the text they saved (a JSON merge patch: a removed line removes the field, an unchanged
// text sends nothing and takes no field ownership), guarded by the resourceVersion they opened. When
// the Service changed meanwhile, the answer carries it as it is now and the user's change rebased on
// it, so they can look and choose. Server-side apply stays for drafts and apply-to-many.
import type { EditResult } from '../../api/types';
import { withoutServerFields } from '../../api/server-fields';
import type { ConnectionManager } from '../clusters/connection-manager';
import { KubeRequestError } from '../kube/kube-errors';
import { applyMergePatch, mergePatch, overlappingPaths, type Json } from '../manifests/merge-patch';
import { resourcePath, servicesRef } from '../watch/resource-ref';
import { FIELD_MANAGER } from './service-actions';
import { identityChanged, readServiceManifest, refusal, type ServiceManifest } from './service-manifest';

export interface EditRequest {
  context: string;
  namespace: string;
  name: string;
  /** The text as it was opened, and as it was saved. */
  original: string;
  edited: string;
  /** The resourceVersion of the object the text was opened from. */
  resourceVersion: string;
  /** Make the Service what `edited` says even though it changed since (the user saw how). */
  overwrite: boolean;
}

type JsonObject = { [key: string]: Json };
const clean = (manifest: object): JsonObject => withoutServerFields(manifest) as unknown as JsonObject;

export async function editService(connections: ConnectionManager, request: EditRequest): Promise<EditResult> {
  const [original, edited] = await Promise.all([readServiceManifest(request.original), readServiceManifest(request.edited)]);
  if (!original.ok) return { ok: false, reason: 'invalid', explanation: original.explanation, problems: [] };
  if (!edited.ok) return { ok: false, reason: 'invalid', explanation: edited.explanation, problems: [] };
  const renamed = identityChanged(edited.manifest, request);
  if (renamed) return renamed;
  const { client } = connections.connection(request.context);
  const path = resourcePath(servicesRef(request.namespace), request.name);
  const mine = clean(edited.manifest);
  let base = clean(original.manifest);
  let resourceVersion = request.resourceVersion;
  try {
    if (request.overwrite) {
      const current = await client.json<ServiceManifest & { metadata: { resourceVersion: string } }>('GET', path);
      base = clean(current);
      resourceVersion = current.metadata.resourceVersion;
    }
    const patch = mergePatch(base, mine);
    if (!patch) return { ok: true, outcome: 'unchanged' };
    const warnings: string[] = [];
    const guarded = { ...patch, metadata: { ...(patch.metadata as JsonObject | undefined), resourceVersion } };
    const updated = await client.json<{ metadata: { resourceVersion: string } }>('PATCH', path, {
      body: guarded, contentType: 'application/merge-patch+json', query: { fieldManager: FIELD_MANAGER, fieldValidation: 'Strict' }, warnings,
    });
    return { ok: true, outcome: 'updated', resourceVersion: updated.metadata.resourceVersion, warnings };
  } catch (error) {
    if (error instanceof KubeRequestError && error.kind === 'conflict') return changedMeanwhile(connections, request, path, base, mine);
    return refusal(error, { invalid: 'invalid', forbidden: 'forbidden', 'not-found': 'gone' }, 'error');
  }
}

/** The Service as it is now, the user's change rebased on it, and where both changed the same field. */
async function changedMeanwhile(connections: ConnectionManager, request: EditRequest, path: string, base: JsonObject, mine: JsonObject): Promise<EditResult> {
  try {
    const current = await connections.connection(request.context).client.json<ServiceManifest & { metadata: { resourceVersion: string } }>('GET', path);
    const theirs = clean(current);
    const myPatch = mergePatch(base, mine) ?? {};
    const theirPatch = mergePatch(base, theirs) ?? {};
    return {
      ok: false, reason: 'changed', current: theirs, resourceVersion: current.metadata.resourceVersion,
      rebased: applyMergePatch(theirs, myPatch) as Record<string, unknown>, overlapping: overlappingPaths(myPatch, theirPatch),
    };
  } catch (error) {
    return refusal(error, { 'not-found': 'gone', forbidden: 'forbidden' }, 'error');
  }
}
