// What the API server writes into a Service that a person editing it does not: its status and the
// bookkeeping in metadata. One place for every view that shows a live or dry-run object as text to edit
// or to compare with what was written.
const SERVER_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink'] as const;

/** The server-set fields `object` holds (metadata.resourceVersion, status …), as paths. */
export function serverFieldsIn(object: object): string[] {
  const o = object as { metadata?: Record<string, unknown>; status?: unknown };
  return [...SERVER_METADATA.filter((key) => o.metadata?.[key] !== undefined).map((key) => `metadata.${key}`), ...(o.status !== undefined ? ['status'] : [])];
}

/** A deep copy of `object` without status and the server's metadata bookkeeping. */
export function withoutServerFields<T extends object>(object: T): T {
  const copy = structuredClone(object) as T & { metadata?: Record<string, unknown>; status?: unknown };
  delete copy.status;
  for (const key of SERVER_METADATA) delete copy.metadata?.[key];
  return copy;
}

/**
 * A live Service as a draft to apply elsewhere: also without what the cluster allocated for it (its
 * cluster IPs; a headless Service keeps its `None`) and kubectl's last-applied copy of itself.
 */
export function asDraftObject<T extends object>(object: T): T {
  const copy = withoutServerFields(object) as T & { metadata?: { annotations?: Record<string, unknown> }; spec?: Record<string, unknown> };
  const annotations = copy.metadata?.annotations;
  if (annotations) {
    delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
    if (Object.keys(annotations).length === 0) delete copy.metadata!.annotations;
  }
  if (copy.spec && copy.spec.clusterIP !== 'None') {
    delete copy.spec.clusterIP;
    delete copy.spec.clusterIPs;
  }
  return copy;
}
