/** The fields of any Kubernetes object that the watch engine relies on. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    resourceVersion: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

/** A resource in a namespace scope: `namespace: null` means cluster-wide or all namespaces. */
export interface ResourceRef {
  group: string;
  version: string;
  plural: string;
  namespace: string | null;
}

export function resourcePath(ref: ResourceRef, name?: string): string {
  const base = ref.group === '' ? `/api/${ref.version}` : `/apis/${ref.group}/${ref.version}`;
  const scope = ref.namespace ? `/namespaces/${encodeURIComponent(ref.namespace)}` : '';
  return `${base}${scope}/${ref.plural}${name ? `/${encodeURIComponent(name)}` : ''}`;
}

export function refKey(ref: ResourceRef): string {
  return `${ref.group}/${ref.version}/${ref.plural}@${ref.namespace ?? '*'}`;
}

/** Services of a namespace (null: all namespaces). */
export const servicesRef = (namespace: string | null): ResourceRef => ({ group: '', version: 'v1', plural: 'services', namespace });

export const NAMESPACES: ResourceRef = { group: '', version: 'v1', plural: 'namespaces', namespace: null };
