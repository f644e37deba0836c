// A Service object (plus its EndpointSlices) as the slim row the list shows, and the list's row
// descriptor. Pure: unit-tested.
import type { ServiceAccessType, ServiceKind, ServiceRow } from '../../api/types';
import type { RowDescriptor } from '../rows/row-descriptor';
import type { KubeObject } from '../watch/resource-ref';

import { ALIAS_ANNOTATION, DESCRIPTION_ANNOTATION } from '../../api/kubesphere-annotations';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export interface ServiceObject extends KubeObject {
  spec?: {
    type?: string;
    clusterIP?: string;
    externalIPs?: string[];
    externalName?: string;
    selector?: Record<string, string>;
    ports?: Array<{ name?: string; protocol?: string; port: number; nodePort?: number; targetPort?: number | string }>;
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
}

export interface EndpointSliceObject extends KubeObject {
  endpoints?: Array<{ addresses: string[]; conditions?: { ready?: boolean | null } }>;
}

export function serviceKind(service: ServiceObject): ServiceKind {
  const spec = service.spec ?? {};
  if (spec.type === 'ExternalName') return 'headless-external-name';
  if (spec.clusterIP === 'None') return spec.selector && Object.keys(spec.selector).length > 0 ? 'headless-selector' : 'headless';
  return 'virtual-ip';
}

export function accessType(service: ServiceObject): ServiceAccessType {
  switch (service.spec?.type) {
    case 'NodePort':
      return 'node-port';
    case 'LoadBalancer':
      return 'load-balancer';
    default:
      return 'none';
  }
}

/** Ready and total endpoints over the slices; `ready` unset counts as ready, as the API advises. */
export function countEndpoints(slices: Iterable<EndpointSliceObject>): { ready: number; total: number } {
  let ready = 0;
  let total = 0;
  for (const slice of slices) {
    for (const endpoint of slice.endpoints ?? []) {
      total += 1;
      if (endpoint.conditions?.ready !== false) ready += 1;
    }
  }
  return { ready, total };
}

/** `slices`: the Service's EndpointSlices, or null while they are not known yet (endpoints then unknown). */
export function toServiceRow(context: string, service: ServiceObject, slices: Iterable<EndpointSliceObject> | null): ServiceRow {
  const spec = service.spec ?? {};
  const meta = service.metadata;
  const kind = serviceKind(service);
  const access = accessType(service);
  const ingress = (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
  const hasSelector = !!spec.selector && Object.keys(spec.selector).length > 0;
  const ownSlices = slices === null ? null : [...slices];
  return {
    uid: meta.uid,
    context,
    namespace: meta.namespace ?? '',
    name: meta.name,
    resourceVersion: meta.resourceVersion,
    alias: meta.annotations?.[ALIAS_ANNOTATION] ?? null,
    description: meta.annotations?.[DESCRIPTION_ANNOTATION] ?? null,
    kind,
    access,
    clusterIP: spec.clusterIP && spec.clusterIP !== 'None' ? spec.clusterIP : kind === 'virtual-ip' ? null : 'None',
    externalAddresses: [...ingress, ...(spec.externalIPs ?? [])],
    externalName: spec.externalName ?? null,
    loadBalancerPending: access === 'load-balancer' && ingress.length === 0,
    ports: (spec.ports ?? []).map((p) => ({
      name: p.name ?? null,
      protocol: p.protocol ?? 'TCP',
      port: p.port,
      nodePort: p.nodePort ?? null,
      targetPort: String(p.targetPort ?? p.port),
    })),
    selector: spec.selector ?? {},
    labels: meta.labels ?? {},
    createdAt: meta.creationTimestamp ?? null,
    // ExternalName Services have no endpoints; one without a selector has them only if someone made them.
    endpoints: ownSlices === null || kind === 'headless-external-name' || (!hasSelector && ownSlices.length === 0) ? null : countEndpoints(ownSlices),
  };
}

/** The Service list: each Service, joined with its EndpointSlices (by their service-name label). */
export const serviceRows: RowDescriptor<'services'> = {
  kind: 'services',
  sources: [{ kind: 'Service', group: '', version: 'v1', plural: 'services' }],
  join: {
    source: { kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices' },
    ownerOf: (slice) => slice.metadata.labels?.[SERVICE_NAME_LABEL] ?? null,
  },
  toRow: (context, service, _source, slices) => toServiceRow(context, service as ServiceObject, slices as EndpointSliceObject[] | null),
  // Slices decide only the endpoint counts: slices arriving after the Services, or pods coming and
  // going at the same readiness, send nothing.
  joinSignature: (row) => (row.endpoints ? `${row.endpoints.ready}/${row.endpoints.total}` : '-'),
};
