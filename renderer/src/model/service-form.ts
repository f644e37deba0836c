// The Create Service wizard's form, and its two-way link with a manifest. Pure TypeScript, no Vue.
//
// The YAML Document is the source of truth in edit mode; the form is a projection of the fields it
// knows. Reading takes those fields out of a document; writing changes only the nodes whose value
// differs, key by key and port by port, so comments, key order and every field the form does not
// know (other annotations, ipFamilies, internalTrafficPolicy, …) survive any number of switches.
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';

import { ALIAS_ANNOTATION, DESCRIPTION_ANNOTATION } from '../../../electron/api/kubesphere-annotations';

export type FormServiceType = 'virtual-ip' | 'headless-selector' | 'headless-external-name';
export type InternetAccess = 'none' | 'node-port' | 'load-balancer';
export type PortProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface KeyValue {
  key: string;
  value: string;
}

export interface PortForm {
  name: string;
  protocol: PortProtocol;
  port: number | null;
  /** A number or a named container port, as typed; empty means "same as port". */
  targetPort: string;
  /** Only with NodePort or LoadBalancer access; null lets the cluster pick. */
  nodePort: number | null;
}

export interface ServiceForm {
  name: string;
  namespace: string;
  alias: string;
  description: string;
  type: FormServiceType;
  selector: KeyValue[];
  ports: PortForm[];
  sessionAffinity: 'None' | 'ClientIP';
  /** ClientIP timeout in seconds; null means the default (10800). */
  sessionAffinityTimeout: number | null;
  labels: KeyValue[];
  access: InternetAccess;
  externalName: string;
  externalTrafficPolicy: 'Cluster' | 'Local' | null;
  loadBalancerSourceRanges: string[];
  /** Load-balancer provider annotations (QingCloud, OpenELB, MetalLB, AWS, GCP, Azure …). */
  loadBalancerAnnotations: KeyValue[];
}

export function emptyServiceForm(namespace = 'default'): ServiceForm {
  return {
    name: '', namespace, alias: '', description: '', type: 'virtual-ip', selector: [],
    ports: [{ name: '', protocol: 'TCP', port: null, targetPort: '', nodePort: null }],
    sessionAffinity: 'None', sessionAffinityTimeout: null, labels: [], access: 'none', externalName: '',
    externalTrafficPolicy: null, loadBalancerSourceRanges: [], loadBalancerAnnotations: [],
  };
}

/** Annotation keys the provider choice manages; any other annotation is the document's own. */
export const LOAD_BALANCER_ANNOTATION_PREFIXES = [
  'service.beta.kubernetes.io/qingcloud-', 'eip.openelb.kubesphere.io/', 'lb.kubesphere.io/', 'protocol.openelb.kubesphere.io/',
  'metallb.universe.tf/', 'metallb.io/', 'service.beta.kubernetes.io/aws-load-balancer-', 'cloud.google.com/',
  'networking.gke.io/', 'service.beta.kubernetes.io/azure-',
];

export const isLoadBalancerAnnotation = (key: string): boolean => LOAD_BALANCER_ANNOTATION_PREFIXES.some((p) => key.startsWith(p));

/** Well-known provider annotations the Internet Access step offers as editable suggestions. */
export const LOAD_BALANCER_PROVIDERS: Record<string, KeyValue[]> = {
  QingCloud: [
    { key: 'service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids', value: '' },
    { key: 'service.beta.kubernetes.io/qingcloud-load-balancer-type', value: '0' },
  ],
  OpenELB: [{ key: 'lb.kubesphere.io/v1alpha1', value: 'openelb' }, { key: 'protocol.openelb.kubesphere.io/v1alpha1', value: 'layer2' }, { key: 'eip.openelb.kubesphere.io/v1alpha2', value: '' }],
  MetalLB: [{ key: 'metallb.universe.tf/address-pool', value: '' }],
  AWS: [{ key: 'service.beta.kubernetes.io/aws-load-balancer-type', value: 'nlb' }, { key: 'service.beta.kubernetes.io/aws-load-balancer-scheme', value: 'internet-facing' }],
  GCP: [{ key: 'cloud.google.com/load-balancer-type', value: 'External' }],
  Azure: [{ key: 'service.beta.kubernetes.io/azure-load-balancer-internal', value: 'false' }],
};

/**
 * What leaving LoadBalancer removes: only the annotations the wizard itself offers, never others that
 * merely share a prefix (cloud.google.com/neg and backend-config serve a ClusterIP Service too).
 */
const OFFERED_ANNOTATIONS = new Set(Object.values(LOAD_BALANCER_PROVIDERS).flat().map((a) => a.key));
export const isOfferedProviderAnnotation = (key: string): boolean => OFFERED_ANNOTATIONS.has(key);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A scalar as the form shows it: `version: 1` and `canary: true` are the texts "1" and "true". */
const str = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '');
const int = (x: unknown): number | null => (typeof x === 'number' && Number.isInteger(x) ? x : null);
const pairs = (x: unknown): KeyValue[] => (isObject(x) ? Object.entries(x).map(([key, value]) => ({ key, value: str(value) })) : []);

/** Whether a parsed document is something the form can show: one v1 Service. */
export function isServiceManifest(value: unknown): boolean {
  return isObject(value) && value.apiVersion === 'v1' && value.kind === 'Service';
}

/**
 * The form's view of a manifest (a plain object, e.g. doc.toJS()). A manifest without a namespace shows
 * `defaultNamespace`, the one it will be created in, without it being written into the text.
 */
export function formFromManifest(manifest: unknown, defaultNamespace = ''): ServiceForm {
  const m = isObject(manifest) ? manifest : {};
  const meta = isObject(m.metadata) ? m.metadata : {};
  const spec = isObject(m.spec) ? m.spec : {};
  const annotations = isObject(meta.annotations) ? meta.annotations : {};
  const type = spec.type === 'ExternalName' ? 'headless-external-name' : spec.clusterIP === 'None' ? 'headless-selector' : 'virtual-ip';
  const access: InternetAccess = spec.type === 'NodePort' ? 'node-port' : spec.type === 'LoadBalancer' ? 'load-balancer' : 'none';
  const affinityConfig = isObject(spec.sessionAffinityConfig) && isObject(spec.sessionAffinityConfig.clientIP) ? spec.sessionAffinityConfig.clientIP : {};
  return {
    name: str(meta.name),
    namespace: str(meta.namespace) || defaultNamespace,
    alias: str(annotations[ALIAS_ANNOTATION]),
    description: str(annotations[DESCRIPTION_ANNOTATION]),
    type,
    selector: pairs(spec.selector),
    ports: (Array.isArray(spec.ports) ? spec.ports : []).filter(isObject).map((p) => ({
      name: str(p.name),
      protocol: p.protocol === 'UDP' || p.protocol === 'SCTP' ? p.protocol : 'TCP',
      port: int(p.port),
      targetPort: str(p.targetPort),
      nodePort: int(p.nodePort),
    })),
    sessionAffinity: spec.sessionAffinity === 'ClientIP' ? 'ClientIP' : 'None',
    sessionAffinityTimeout: int(affinityConfig.timeoutSeconds),
    labels: pairs(meta.labels),
    access,
    externalName: str(spec.externalName),
    externalTrafficPolicy: spec.externalTrafficPolicy === 'Local' ? 'Local' : spec.externalTrafficPolicy === 'Cluster' ? 'Cluster' : null,
    loadBalancerSourceRanges: Array.isArray(spec.loadBalancerSourceRanges) ? spec.loadBalancerSourceRanges.map(str) : [],
    loadBalancerAnnotations: pairs(annotations).filter((kv) => isLoadBalancerAnnotation(kv.key)),
  };
}

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Sets a path to a value (or deletes it for undefined) only when it differs; empties parents it leaves behind. */
function put(doc: Document, path: Array<string | number>, value: Json | undefined): void {
  const current = doc.hasIn(path) ? (doc.getIn(path, true) as { toJSON?: () => unknown } | undefined) : undefined;
  const currentValue = current === undefined ? undefined : typeof current?.toJSON === 'function' ? current.toJSON() : current;
  if (value === undefined) {
    if (!doc.hasIn(path)) return;
    doc.deleteIn(path);
    for (let depth = path.length - 1; depth > 0; depth -= 1) {
      const parent = doc.getIn(path.slice(0, depth), true);
      if ((isMap(parent) || isSeq(parent)) && parent.items.length === 0) doc.deleteIn(path.slice(0, depth));
      else break;
    }
    return;
  }
  if (equal(currentValue, value)) return;
  emptyParentsToCollections(doc, path);
  // Collections go in as YAML nodes, so later edits can reach inside them.
  doc.setIn(path, value !== null && typeof value === 'object' ? doc.createNode(value) : value);
}

/**
 * An empty `annotations:`, `labels:`, `selector:`, `metadata:` or `spec:` (as Helm renders them) is a
 * null, which the yaml package cannot set a key inside: it becomes an empty mapping (or list) first.
 */
function emptyParentsToCollections(doc: Document, path: Array<string | number>): void {
  for (let depth = 1; depth < path.length; depth += 1) {
    const prefix = path.slice(0, depth);
    const node = doc.getIn(prefix, true);
    if (node === undefined || isMap(node) || isSeq(node)) continue;
    if (isScalar(node) && (node.value === null || node.value === '')) doc.setIn(prefix, doc.createNode(typeof path[depth] === 'number' ? [] : {}));
  }
}

/**
 * A map the form owns key by key: keys it lacks are deleted, values set where the form's text differs
 * from the document's (so `version: 1` stays a number and `canary: true` a boolean), the rest untouched.
 */
function putMap(doc: Document, path: string[], wanted: KeyValue[], owns: (key: string) => boolean = () => true): void {
  const current = doc.getIn(path);
  const existing = isMap(current) ? current.items.map((pair) => str((pair.key as { value?: unknown })?.value ?? pair.key)) : [];
  const wantedKeys = new Set(wanted.map((kv) => kv.key));
  for (const key of existing) if (owns(key) && !wantedKeys.has(key)) put(doc, [...path, key], undefined);
  for (const { key, value } of wanted) {
    if (key !== '' && !(doc.hasIn([...path, key]) && str(doc.getIn([...path, key])) === value)) put(doc, [...path, key], value);
  }
}

function portValue(text: string): Json {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

const PORT_FIELDS = ['name', 'protocol', 'port', 'targetPort', 'nodePort'] as const;

/** The one port the form dropped from `before`, when that is the only difference; else -1. */
function removedPort(before: PortForm[], after: PortForm[]): number {
  if (after.length !== before.length - 1) return -1;
  const k = before.findIndex((port, i) => !equal(port, after[i]));
  const at = k < 0 ? before.length - 1 : k;
  return equal([...before.slice(0, at), ...before.slice(at + 1)], after) ? at : -1;
}

/**
 * Writes only the port fields the form changed, so a port's other fields stay as written (`protocol:
 * tcp`, `targetPort: "8080"`, `nodePort: 0`, a nodePort with its comment). A removed port goes with
 * everything it held. Node ports are written only with an access that has them, and go when the
 * access changes to one without.
 */
function putPorts(doc: Document, before: PortForm[], ports: PortForm[], withNodePorts: boolean, dropNodePorts: boolean): void {
  const path = ['spec', 'ports'];
  const removed = removedPort(before, ports);
  if (removed >= 0) {
    doc.deleteIn([...path, removed]);
    before = [...before.slice(0, removed), ...before.slice(removed + 1)];
  }
  const current = doc.getIn(path);
  const count = isSeq(current) ? current.items.length : 0;
  for (let i = count - 1; i >= ports.length; i -= 1) doc.deleteIn([...path, i]);
  if (ports.length === 0) {
    put(doc, path, undefined);
    return;
  }
  if (!isSeq(doc.getIn(path))) doc.setIn(path, doc.createNode([]));
  ports.forEach((port, i) => {
    const item = [...path, i];
    if (!isMap(doc.getIn(item))) doc.setIn(item, doc.createNode({}));
    const old = i < count ? before[i] : undefined;
    for (const field of PORT_FIELDS) {
      if (old && old[field] === port[field]) continue;
      if (field === 'name') put(doc, [...item, 'name'], port.name === '' ? undefined : port.name);
      // TCP is the default: leave an absent protocol absent.
      if (field === 'protocol') put(doc, [...item, 'protocol'], port.protocol === 'TCP' && !doc.hasIn([...item, 'protocol']) ? undefined : port.protocol);
      if (field === 'port') put(doc, [...item, 'port'], port.port ?? undefined);
      if (field === 'targetPort') put(doc, [...item, 'targetPort'], port.targetPort === '' ? undefined : portValue(port.targetPort));
      if (field === 'nodePort' && withNodePorts) put(doc, [...item, 'nodePort'], port.nodePort ?? undefined);
    }
    if (dropNodePorts) put(doc, [...item, 'nodePort'], undefined);
  });
}

const SPEC_TYPE: Record<InternetAccess, string> = { none: 'ClusterIP', 'node-port': 'NodePort', 'load-balancer': 'LoadBalancer' };

/**
 * Brings a document in line with the form, touching only what differs from the form the document
 * already implies: an unchanged form changes nothing, not even formatting.
 */
export function writeForm(doc: Document, form: ServiceForm, defaultNamespace = ''): void {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as typeof doc.contents;
  const before = formFromManifest(doc.toJS(), defaultNamespace);
  const changed = <K extends keyof ServiceForm>(key: K): boolean => !equal(before[key], form[key]);
  put(doc, ['apiVersion'], 'v1');
  put(doc, ['kind'], 'Service');
  if (changed('name')) put(doc, ['metadata', 'name'], form.name);
  if (changed('namespace')) put(doc, ['metadata', 'namespace'], form.namespace === '' ? undefined : form.namespace);
  if (changed('alias')) put(doc, ['metadata', 'annotations', ALIAS_ANNOTATION], form.alias === '' ? undefined : form.alias);
  if (changed('description')) put(doc, ['metadata', 'annotations', DESCRIPTION_ANNOTATION], form.description === '' ? undefined : form.description);
  if (changed('labels')) {
    putMap(doc, ['metadata', 'labels'], form.labels);
    if (form.labels.length === 0) put(doc, ['metadata', 'labels'], undefined);
  }

  const external = form.type === 'headless-external-name';
  const access = form.type === 'virtual-ip' ? form.access : 'none';
  const kindChanged = changed('type') || changed('access');
  if (kindChanged) {
    const currentType = doc.getIn(['spec', 'type']);
    if (external) put(doc, ['spec', 'type'], 'ExternalName');
    // ClusterIP is the default type: leave an absent type absent.
    else put(doc, ['spec', 'type'], access === 'none' && currentType === undefined ? undefined : SPEC_TYPE[access]);
    const clusterIP = doc.getIn(['spec', 'clusterIP']);
    if (form.type === 'headless-selector') put(doc, ['spec', 'clusterIP'], 'None');
    else if (clusterIP === 'None' || external) put(doc, ['spec', 'clusterIP'], undefined);
  }
  if (kindChanged || changed('externalName')) put(doc, ['spec', 'externalName'], external ? form.externalName : undefined);
  if (kindChanged || changed('selector')) {
    putMap(doc, ['spec', 'selector'], external ? [] : form.selector);
    if (external || form.selector.length === 0) put(doc, ['spec', 'selector'], undefined);
  }
  if (kindChanged || changed('ports')) putPorts(doc, before.ports, external ? [] : form.ports, access !== 'none', kindChanged && access === 'none');

  if (kindChanged || changed('sessionAffinity') || changed('sessionAffinityTimeout')) {
    const clientIP = !external && form.sessionAffinity === 'ClientIP';
    const current = doc.getIn(['spec', 'sessionAffinity']);
    put(doc, ['spec', 'sessionAffinity'], clientIP ? 'ClientIP' : current === undefined ? undefined : 'None');
    put(doc, ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'],
      clientIP && form.sessionAffinityTimeout !== null ? form.sessionAffinityTimeout : undefined);
  }
  if (kindChanged || changed('externalTrafficPolicy')) {
    put(doc, ['spec', 'externalTrafficPolicy'], access !== 'none' && form.externalTrafficPolicy ? form.externalTrafficPolicy : undefined);
  }
  if (kindChanged || changed('loadBalancerSourceRanges')) {
    put(doc, ['spec', 'loadBalancerSourceRanges'], access === 'load-balancer' && form.loadBalancerSourceRanges.length ? form.loadBalancerSourceRanges : undefined);
  }
  if (kindChanged || changed('loadBalancerAnnotations')) {
    if (access === 'load-balancer') putMap(doc, ['metadata', 'annotations'], form.loadBalancerAnnotations, isLoadBalancerAnnotation);
    else putMap(doc, ['metadata', 'annotations'], [], isOfferedProviderAnnotation);
    const annotations = doc.getIn(['metadata', 'annotations']);
    if (isMap(annotations) && annotations.items.length === 0) put(doc, ['metadata', 'annotations'], undefined);
  }
}

/**
 * KubeSphere's default label, `app: <name>`, follows the name while the user has not made the labels
 * their own (none yet, or only that one): `next` with its labels following, when they should.
 */
export function withNameLabel(before: ServiceForm, next: ServiceForm): ServiceForm {
  const labels = before.labels;
  const followsName = labels.length === 0 || (labels.length === 1 && labels[0]!.key === 'app' && labels[0]!.value === before.name);
  if (!followsName || next.name === before.name || next.labels !== before.labels) return next;
  return { ...next, labels: next.name ? [{ key: 'app', value: next.name }] : [] };
}

/** The form with one port changed (the Service Settings and Internet Access steps both edit ports). */
export function withPort(form: ServiceForm, index: number, patch: Partial<PortForm>): ServiceForm {
  return { ...form, ports: form.ports.map((port, i) => (i === index ? { ...port, ...patch } : port)) };
}

/** A number input's text as a form value: empty is "not set". */
export function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/** A new manifest for a form (the wizard's starting text). */
export function manifestText(form: ServiceForm): string {
  const doc = new Document({});
  writeForm(doc, form);
  return doc.toString();
}

export { parseDocument };
