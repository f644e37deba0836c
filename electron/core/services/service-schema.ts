// The JSON Schema of a v1 Service, cut out of a cluster's OpenAPI v3 document (/openapi/v3/api/v1):
// the Service and every definition it reaches, with references rewritten to $defs. The editor
// validates, completes and documents manifests with it. Pure: the same code makes the bundled copy.

type Schema = Record<string, unknown>;

const SERVICE = 'io.k8s.api.core.v1.Service';
const PREFIX = '#/components/schemas/';

export function serviceSchemaFromOpenApi(openapi: { components?: { schemas?: Record<string, Schema> } }): Schema {
  const all = openapi.components?.schemas ?? {};
  if (!all[SERVICE]) throw new Error(`the OpenAPI document has no ${SERVICE}`);
  const defs: Record<string, Schema> = {};
  const visit = (name: string): void => {
    if (defs[name] || !all[name]) return;
    defs[name] = {};
    defs[name] = rewrite(all[name], visit) as Schema;
  };
  visit(SERVICE);
  const service = defs[SERVICE] as { properties: Record<string, Schema>; required?: string[] };
  service.properties.apiVersion = { ...service.properties.apiVersion, enum: ['v1'] };
  service.properties.kind = { ...service.properties.kind, enum: ['Service'] };
  service.required = ['apiVersion', 'kind', 'metadata'];
  return { $schema: 'http://json-schema.org/draft-07/schema#', $ref: `#/definitions/${SERVICE}`, definitions: defs };
}

function rewrite(node: unknown, visit: (name: string) => void): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, visit));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(PREFIX)) {
      const name = value.slice(PREFIX.length);
      visit(name);
      out.$ref = `#/definitions/${name}`;
    } else if (!key.startsWith('x-kubernetes-')) {
      out[key] = rewrite(value, visit);
    }
  }
  return out;
}
