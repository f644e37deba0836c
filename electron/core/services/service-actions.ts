// Changes to Services on the clusters. Each target gets its own result: one failure (forbidden,
// gone, unreachable) never stops the others.
import type { ApplyResult, ServiceActionResult, ServiceTarget } from '../../api/types';
import type { ConnectionManager } from '../clusters/connection-manager';
import { resourcePath, servicesRef } from '../watch/resource-ref';
import { identityChanged, readServiceManifest, refusal } from './service-manifest';

export async function deleteServices(connections: ConnectionManager, targets: ServiceTarget[]): Promise<ServiceActionResult[]> {
  return Promise.all(targets.map(async (target): Promise<ServiceActionResult> => {
    try {
      const { client } = connections.connection(target.context);
      await client.json('DELETE', resourcePath(servicesRef(target.namespace), target.name));
      return { ...target, ok: true, message: null };
    } catch (error) {
      return { ...target, ok: false, message: (error as Error).message };
    }
  }));
}

/** A Service as the cluster has it now, without managedFields (nobody compares or edits those). */
export async function readService(connections: ConnectionManager, target: ServiceTarget): Promise<Record<string, unknown>> {
  const { client } = connections.connection(target.context);
  const object = await client.json<{ metadata: Record<string, unknown> }>('GET', resourcePath(servicesRef(target.namespace), target.name));
  delete object.metadata.managedFields;
  return object;
}

export const FIELD_MANAGER = 'portolan';

export interface ApplyRequest extends ServiceTarget {
  manifest: string;
  force: boolean;
}

/** Server-side apply of the user's manifest; conflicts and invalid fields come back as data. */
export async function applyService(connections: ConnectionManager, request: ApplyRequest): Promise<ApplyResult> {
  const read = await readServiceManifest(request.manifest);
  if (!read.ok) return { ok: false, reason: 'invalid', explanation: read.explanation, problems: [] };
  const { manifest } = read;
  const renamed = identityChanged(manifest, request);
  if (renamed) return renamed;
  const body = { ...manifest, metadata: { ...manifest.metadata, namespace: request.namespace } };
  try {
    const { client } = connections.connection(request.context);
    const applied = await client.json<{ metadata: { resourceVersion: string } }>('PATCH',
      resourcePath(servicesRef(request.namespace), request.name), {
        body, contentType: 'application/apply-patch+yaml', query: { fieldManager: FIELD_MANAGER, force: request.force, fieldValidation: 'Strict' },
      });
    return { ok: true, resourceVersion: applied.metadata.resourceVersion };
  } catch (error) {
    return refusal(error, { conflict: 'conflict', invalid: 'invalid', forbidden: 'forbidden' }, 'error');
  }
}
