// Server-side apply of one draft to one target (context and namespace), as field manager "portolan":
// first as a dry run that shows what is live and what would result, then for real. Each target is
// asked on its own, so one failing, forbidden or unreachable target never holds up the others.
import { isDeepStrictEqual } from 'node:util';
import type { TargetApplyResult } from '../../api/types';
import { withoutServerFields } from '../../api/server-fields';
import type { ConnectionManager } from '../clusters/connection-manager';
import { KubeRequestError } from '../kube/kube-errors';
import { resourcePath, servicesRef } from '../watch/resource-ref';
import { FIELD_MANAGER } from './service-actions';
import { readServiceManifest, refusal } from './service-manifest';

export interface TargetApply {
  context: string;
  namespace: string;
  manifest: string;
  dryRun: boolean;
  /** Take over fields another manager owns (after the user saw the conflict). */
  force: boolean;
}

type Live = Record<string, unknown> & { metadata: { resourceVersion: string } };

export async function applyToTarget(connections: ConnectionManager, request: TargetApply): Promise<TargetApplyResult> {
  const read = await readServiceManifest(request.manifest);
  if (!read.ok) return { ok: false, reason: 'invalid', explanation: read.explanation, problems: [] };
  const name = read.manifest.metadata?.name;
  if (typeof name !== 'string' || !name) {
    return { ok: false, reason: 'invalid', explanation: { code: 'server.said', params: { detail: 'metadata.name is missing' } }, problems: [{ field: '.metadata.name', message: 'Required value' }] };
  }
  const opened = connections.connectionFor(request.context);
  if (!opened.ok) return { ok: false, reason: 'unreachable', explanation: opened.problem, problems: [] };
  const { client } = opened.connection;
  const path = resourcePath(servicesRef(request.namespace), name);
  // The draft's own namespace gives way to the target's: one draft, many places.
  const body = { ...read.manifest, metadata: { ...read.manifest.metadata, namespace: request.namespace } };
  const reasons = { conflict: 'conflict', invalid: 'invalid', forbidden: 'forbidden', unauthorized: 'forbidden', unreachable: 'unreachable', 'tls-error': 'unreachable', 'auth-error': 'unreachable' } as const;
  let live: Live | null;
  try {
    live = await client.json<Live>('GET', path, { timeoutMs: 15_000 });
  } catch (error) {
    if (!(error instanceof KubeRequestError && error.kind === 'not-found')) return refusal(error, reasons, 'error');
    live = null;
  }
  const warnings: string[] = [];
  try {
    const result = await client.json<Live>('PATCH', path, {
      body, contentType: 'application/apply-patch+yaml', warnings, timeoutMs: 15_000,
      query: { fieldManager: FIELD_MANAGER, force: request.force, fieldValidation: 'Strict', ...(request.dryRun ? { dryRun: 'All' } : {}) },
    });
    const before = live ? withoutServerFields(live) : null;
    const after = withoutServerFields(result);
    const unchanged = live !== null && (request.dryRun ? isDeepStrictEqual(before, after) : live.metadata.resourceVersion === result.metadata.resourceVersion);
    return { ok: true, outcome: live === null ? 'created' : unchanged ? 'unchanged' : 'updated', dryRun: request.dryRun, live: before, result: after, warnings };
  } catch (error) {
    return refusal(error, reasons, 'error');
  }
}
