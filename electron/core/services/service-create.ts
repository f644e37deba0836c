// What the Create Service wizard asks of a cluster: is the name free, which workloads could the
// Service select, which pods does a selector match, and the create itself (optionally a dry run that
// shows what the server would store).
import type { CreateResult, PodMatch, WorkloadSummary } from '../../api/types';
import type { ConnectionManager } from '../clusters/connection-manager';
import { serverFieldsIn, withoutServerFields } from '../../api/server-fields';
import { KubeRequestError } from '../kube/kube-errors';
import { resourcePath, servicesRef } from '../watch/resource-ref';
import { FIELD_MANAGER } from './service-actions';
import { WORKLOAD_SOURCES, workloadSummary, type WorkloadObject } from './workload-rows';
import { readServiceManifest, refusal } from './service-manifest';

export async function serviceExists(connections: ConnectionManager, context: string, namespace: string, name: string): Promise<boolean> {
  try {
    await connections.connection(context).client.json('GET', resourcePath(servicesRef(namespace), name));
    return true;
  } catch (error) {
    if (error instanceof KubeRequestError && error.kind === 'not-found') return false;
    throw error;
  }
}

export async function listWorkloads(connections: ConnectionManager, context: string, namespace: string): Promise<WorkloadSummary[]> {
  const { client } = connections.connection(context);
  const lists = await Promise.all(WORKLOAD_SOURCES.map(async (source) => {
    const list = await client.json<{ items?: WorkloadObject[] }>('GET', resourcePath({ ...source, namespace }), { query: { limit: 500 } });
    return (list.items ?? []).map((w) => workloadSummary(source.kind, w));
  }));
  return lists.flat().sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

export async function matchPods(connections: ConnectionManager, context: string, namespace: string, selector: Record<string, string>): Promise<PodMatch> {
  if (Object.keys(selector).length === 0) return { count: 0, pods: [] };
  const labelSelector = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
  const list = await connections.connection(context).client.json<{
    items?: Array<{ metadata: { name: string }; status?: { phase?: string; conditions?: Array<{ type: string; status: string }> } }>;
  }>('GET', resourcePath({ group: '', version: 'v1', plural: 'pods', namespace }), { query: { labelSelector } });
  const pods = (list.items ?? []).map((p) => ({
    name: p.metadata.name,
    phase: p.status?.phase ?? 'Unknown',
    ready: p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True',
  })).sort((a, b) => a.name.localeCompare(b.name));
  return { count: pods.length, pods: pods.slice(0, 50) };
}

export async function createService(
  connections: ConnectionManager, request: { context: string; namespace: string; manifest: string; dryRun: boolean },
): Promise<CreateResult> {
  const read = await readServiceManifest(request.manifest);
  if (!read.ok) return { ok: false, reason: 'invalid', explanation: read.explanation, problems: [] };
  const { manifest } = read;
  if (manifest.metadata?.namespace !== undefined && manifest.metadata.namespace !== request.namespace) {
    return {
      ok: false, reason: 'invalid', problems: [{ field: 'metadata.namespace', message: 'does not match the chosen namespace' }],
      explanation: { code: 'manifest.namespaceMismatch', params: { written: String(manifest.metadata.namespace), chosen: request.namespace } },
    };
  }
  // A pasted live object's resourceVersion passes a dry run and fails the real create (500): server-set
  // fields are left out, and the result says which.
  const cleared = serverFieldsIn(manifest);
  const clean = withoutServerFields(manifest);
  const warnings: string[] = [];
  try {
    const created = await connections.connection(request.context).client.json<Record<string, unknown>>('POST', resourcePath(servicesRef(request.namespace)), {
      body: { ...clean, metadata: { ...clean.metadata, namespace: request.namespace } },
      // Strict, kubectl's default: an unknown or duplicate field is refused, not dropped with a warning.
      query: { fieldManager: FIELD_MANAGER, fieldValidation: 'Strict', ...(request.dryRun ? { dryRun: 'All' } : {}) },
      warnings,
    });
    const metadata = { ...(created.metadata as Record<string, unknown>) };
    delete metadata.managedFields;
    return { ok: true, object: { ...created, metadata }, warnings, cleared };
  } catch (error) {
    return refusal(error, { conflict: 'exists', invalid: 'invalid', forbidden: 'forbidden' }, 'error');
  }
}
