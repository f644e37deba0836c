// The API server's decoding step, done locally with the Service's OpenAPI schema: an unknown field is
// refused (kubectl's default field validation, Strict) and so is a value of the wrong JSON type (a
// quoted port number, a numeric label value). Enums and every other rule are the validation's, in
// service-manifest-rules.ts. Pure.

/** The subset of a JSON schema the server's Service schema uses. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  definitions?: Record<string, Schema>;
  [other: string]: unknown;
}

export interface DecodeProblem {
  path: string;
  code: string;
  params?: Record<string, string>;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function schemaProblems(value: unknown, root: Schema): DecodeProblem[] {
  const problems: DecodeProblem[] = [];
  const resolve = (schema: Schema): Schema => {
    let s = schema;
    for (let depth = 0; depth < 20; depth += 1) {
      if (s.$ref) s = root.definitions?.[s.$ref.replace('#/definitions/', '')] ?? {};
      else if (s.allOf?.length === 1) s = s.allOf[0]!;
      else break;
    }
    return s;
  };
  const walk = (v: unknown, schema: Schema, path: string): void => {
    const s = resolve(schema);
    if (v === null || v === undefined) return; // null decodes as the zero value
    if (s.oneOf) {
      if (!s.oneOf.some((option) => typeMatches(v, resolve(option).type))) problems.push({ path, code: 'type.intOrString' });
      return;
    }
    if (s.type && !typeMatches(v, s.type)) {
      problems.push({ path, code: `type.${s.type}` });
      return;
    }
    if (Array.isArray(v) && s.items) v.forEach((item, i) => walk(item, s.items!, `${path}[${i}]`));
    if (isObj(v) && s.properties) {
      for (const [key, child] of Object.entries(v)) {
        const childPath = path ? `${path}.${key}` : key;
        if (s.properties[key]) walk(child, s.properties[key], childPath);
        else problems.push({ path: childPath, code: 'field.unknown', params: { field: key } });
      }
    } else if (isObj(v) && isObj(s.additionalProperties)) {
      for (const [key, child] of Object.entries(v)) walk(child, s.additionalProperties, `${path}[${key}]`);
    }
  };
  walk(value, root, '');
  return problems;
}

function typeMatches(value: unknown, type: string | undefined): boolean {
  switch (type) {
    case 'object': return isObj(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    default: return true;
  }
}
