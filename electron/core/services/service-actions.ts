// Changes to Services on the clusters. Each target gets its own result: one failure (forbidden,
// gone, unreachable) never stops the others.
import { parse } from 'yaml';
import type { ApplyResult, ServiceActionResult, ServiceTarget } from '../../api/types';
import type { ConnectionManager } from '../clusters/connection-manager';
import { KubeRequestError } from '../clusters/kube-errors';
import { resourcePath } from '../watch/resource-ref';

export async function deleteServices(connections: ConnectionManager, targets: ServiceTarget[]): Promise<ServiceActionResult[]> {
  return Promise.all(targets.map(async (target): Promise<ServiceActionResult> => {
    try {
      const { client } = connections.connection(target.context);
      await client.json('DELETE', resourcePath({ group: '', version: 'v1', plural: 'services', namespace: target.namespace }, target.name));
      return { ...target, ok: true, message: null };
    } catch (error) {
      return { ...target, ok: false, message: (error as Error).message };
    }
  }));
}

export const FIELD_MANAGER = 'portolan';

export interface ApplyRequest extends ServiceTarget {
  manifest: string;
  force: boolean;
}

/** Server-side apply of the user's manifest; conflicts and invalid fields come back as data. */
export async function applyService(connections: ConnectionManager, request: ApplyRequest): Promise<ApplyResult> {
  let object: unknown;
  try {
    object = parse(request.manifest);
  } catch (error) {
    return { ok: false, reason: 'invalid', message: `The manifest is not valid YAML: ${(error as Error).message.split('\n')[0]}`, problems: [] };
  }
  const manifest = object as { kind?: unknown; apiVersion?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
  if (!manifest || manifest.kind !== 'Service' || manifest.apiVersion !== 'v1') {
    return { ok: false, reason: 'invalid', message: 'The manifest must be one Service (apiVersion: v1, kind: Service).', problems: [] };
  }
  if (manifest.metadata?.name !== request.name) {
    return { ok: false, reason: 'invalid', message: `metadata.name must stay "${request.name}"; to make another Service, create it.`, problems: [{ field: '.metadata.name', message: 'changed' }] };
  }
  if (manifest.metadata.namespace !== undefined && manifest.metadata.namespace !== request.namespace) {
    return { ok: false, reason: 'invalid', message: `metadata.namespace must stay "${request.namespace}".`, problems: [{ field: '.metadata.namespace', message: 'changed' }] };
  }
  const body = { ...manifest, metadata: { ...manifest.metadata, namespace: request.namespace } };
  try {
    const { client } = connections.connection(request.context);
    const applied = await client.json<{ metadata: { resourceVersion: string } }>('PATCH',
      resourcePath({ group: '', version: 'v1', plural: 'services', namespace: request.namespace }, request.name), {
        body, contentType: 'application/apply-patch+yaml', query: { fieldManager: FIELD_MANAGER, force: request.force },
      });
    return { ok: true, resourceVersion: applied.metadata.resourceVersion };
  } catch (error) {
    if (!(error instanceof KubeRequestError)) return { ok: false, reason: 'error', message: (error as Error).message, problems: [] };
    const problems = (error.details?.details?.causes ?? []).map((c) => ({ field: c.field ?? null, message: c.message ?? c.reason ?? '' }));
    const reason = error.kind === 'conflict' ? 'conflict' : error.kind === 'invalid' ? 'invalid' : error.kind === 'forbidden' ? 'forbidden' : 'error';
    return { ok: false, reason, message: error.details?.message ?? error.message, problems };
  }
}
