// A kubeconfig document checked the way kubectl decodes it (client-go's clientcmd/api/v1 types through
// a case-sensitive JSON decoder): fields kubectl knows must have its types (a string is not a number,
// `true` is not "true", a list is not a map, *-data is base64), unknown fields are ignored, null is
// the zero value, kind/apiVersion default to Config/v1 and nothing else is accepted, and a name twice
// in one list is an error. What kubectl rejects, Portolan rejects too, with the field named. Pure.
import { isRecord, type KubeconfigDoc } from './parse-kubeconfig.ts';

export type FieldType = 'string' | 'boolean' | 'base64' | 'list' | 'mapping';

export type KubeconfigProblem =
  | { code: 'file.wrongType'; field: string; expected: FieldType; found: string }
  | { code: 'file.badBase64'; field: string }
  | { code: 'file.duplicateName'; list: string; name: string }
  | { code: 'file.wrongKind'; apiVersion: string; kind: string };

type Spec = 'string' | 'bool' | 'bytes' | 'any' | { list: Spec } | { map: Spec } | { struct: Record<string, Spec> };

const extensions: Spec = { list: { struct: { name: 'string', extension: 'any' } } };
const CLUSTER: Spec = {
  struct: {
    server: 'string', 'tls-server-name': 'string', 'insecure-skip-tls-verify': 'bool', 'certificate-authority': 'string',
    'certificate-authority-data': 'bytes', 'proxy-url': 'string', 'disable-compression': 'bool', extensions,
  },
};
const USER: Spec = {
  struct: {
    'client-certificate': 'string', 'client-certificate-data': 'bytes', 'client-key': 'string', 'client-key-data': 'bytes',
    token: 'string', tokenFile: 'string', as: 'string', 'as-uid': 'string', 'as-groups': { list: 'string' },
    'as-user-extra': { map: { list: 'string' } }, username: 'string', password: 'string',
    'auth-provider': { struct: { name: 'string', config: { map: 'string' } } },
    exec: {
      struct: {
        command: 'string', args: { list: 'string' }, env: { list: { struct: { name: 'string', value: 'string' } } },
        apiVersion: 'string', installHint: 'string', provideClusterInfo: 'bool', interactiveMode: 'string',
      },
    },
    extensions,
  },
};
const CONTEXT: Spec = { struct: { cluster: 'string', user: 'string', namespace: 'string', extensions } };
const CONFIG: Spec = {
  struct: {
    kind: 'string', apiVersion: 'string', preferences: { struct: { colors: 'bool', extensions } },
    clusters: { list: { struct: { name: 'string', cluster: CLUSTER } } },
    users: { list: { struct: { name: 'string', user: USER } } },
    contexts: { list: { struct: { name: 'string', context: CONTEXT } } },
    'current-context': 'string', extensions,
  },
};

// Go's base64.StdEncoding, which encoding/json uses for []byte: padded, and blind to \r and \n.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (isRecord(value)) return 'mapping';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  return typeof value;
}

function check(value: unknown, spec: Spec, field: string): KubeconfigProblem | null {
  if (value === null || value === undefined) return null;
  const wrong = (expected: FieldType): KubeconfigProblem => ({ code: 'file.wrongType', field, expected, found: typeOf(value) });
  if (spec === 'any') return null;
  if (spec === 'string') return typeof value === 'string' ? null : wrong('string');
  if (spec === 'bool') return typeof value === 'boolean' ? null : wrong('boolean');
  if (spec === 'bytes') {
    if (typeof value !== 'string') return wrong('base64');
    return BASE64.test(value.replace(/[\r\n]/g, '')) ? null : { code: 'file.badBase64', field };
  }
  if ('list' in spec) {
    if (!Array.isArray(value)) return wrong('list');
    for (const [i, item] of value.entries()) {
      const problem = check(item, spec.list, `${field}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (!isRecord(value)) return wrong('mapping');
  if ('map' in spec) {
    for (const [key, item] of Object.entries(value)) {
      const problem = check(item, spec.map, `${field}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(spec.struct)) {
    const problem = check(value[key], inner, field ? `${field}.${key}` : key);
    if (problem) return problem;
  }
  return null;
}

/** A name used twice in one list (clusters, users, contexts or any extensions list), as kubectl refuses it. */
function duplicateName(doc: KubeconfigDoc): KubeconfigProblem | null {
  const lists: Array<[string, unknown]> = [['clusters', doc.clusters], ['users', doc.users], ['contexts', doc.contexts], ['extensions', doc.extensions]];
  const inner: Record<string, string> = { clusters: 'cluster', users: 'user', contexts: 'context' };
  if (isRecord(doc.preferences)) lists.push(['preferences.extensions', doc.preferences.extensions]);
  for (const [key, list] of [...lists]) {
    if (!Array.isArray(list)) continue;
    for (const [i, item] of list.entries()) {
      const body = isRecord(item) && inner[key] ? item[inner[key]!] : undefined;
      if (isRecord(body)) lists.push([`${key}[${i}].${inner[key]}.extensions`, body.extensions]);
    }
  }
  for (const [key, list] of lists) {
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    for (const item of list) {
      const name = isRecord(item) && typeof item.name === 'string' ? item.name : '';
      if (seen.has(name)) return { code: 'file.duplicateName', list: key, name };
      seen.add(name);
    }
  }
  return null;
}

/** The first thing kubectl would refuse in this document, or null when it loads. */
export function kubeconfigProblem(doc: KubeconfigDoc): KubeconfigProblem | null {
  // kubectl reads kind and apiVersion first (defaulting them to Config and v1), then the rest.
  const typeMeta = check(doc.kind, 'string', 'kind') ?? check(doc.apiVersion, 'string', 'apiVersion');
  if (typeMeta) return typeMeta;
  const kind = typeof doc.kind === 'string' && doc.kind !== '' ? doc.kind : 'Config';
  const apiVersion = typeof doc.apiVersion === 'string' && doc.apiVersion !== '' ? doc.apiVersion : 'v1';
  if (kind !== 'Config' || apiVersion !== 'v1') return { code: 'file.wrongKind', apiVersion, kind };
  return check(doc, CONFIG, '') ?? duplicateName(doc);
}
