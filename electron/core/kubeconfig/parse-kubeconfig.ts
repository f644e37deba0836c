// One kubeconfig file's text to a document, in kubectl's YAML dialect (go-yaml v2, YAML 1.1-like):
// merge keys (`<<: *base`) are inherited, a key given twice takes its last value, only the first
// document of a multi-document file counts, timestamps stay strings, yes/no/on/off are booleans.
// JSON (text starting with `{`) is read as JSON, as kubectl's decoder does.
import { parseAllDocuments, type DocumentOptions, type ParseOptions, type SchemaOptions, type Tags } from 'yaml';

export type KubeconfigDoc = Record<string, unknown>;

export type ParsedKubeconfig = { ok: true; doc: KubeconfigDoc } | { ok: false; problem: 'not-yaml' | 'not-kubeconfig'; detail: string };

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const YAML_1_1: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  uniqueKeys: false,
  customTags: (tags: Tags) => tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
};

/** Parses one kubeconfig file's text; an empty file is an empty kubeconfig. */
export function parseKubeconfig(raw: string): ParsedKubeconfig {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  let doc: unknown;
  try {
    doc = /^\s*\{/.test(text) ? JSON.parse(text) : firstDocument(text);
  } catch (error) {
    return { ok: false, problem: 'not-yaml', detail: whereItBroke(error, text) };
  }
  if (doc === null || doc === undefined) return { ok: true, doc: {} };
  if (!isRecord(doc)) return { ok: false, problem: 'not-kubeconfig', detail: Array.isArray(doc) ? 'a list' : typeof doc };
  return { ok: true, doc };
}

function firstDocument(text: string): unknown {
  const [first] = parseAllDocuments(text, YAML_1_1);
  if (!first || Array.isArray(first)) return null;
  if (first.errors.length > 0) throw first.errors[0]!;
  return first.toJS({ maxAliasCount: 100 });
}

/**
 * Where the text stopped being YAML or JSON, and the kind of mistake, never the text itself: the
 * parsers' messages quote the file (an alias name, a JSON snippet), and a kubeconfig is full of secrets.
 */
function whereItBroke(error: unknown, text: string): string {
  const yamlError = error as { code?: string; linePos?: Array<{ line: number; col: number }> };
  if (yamlError.linePos?.[0]) {
    const { line, col } = yamlError.linePos[0];
    return `line ${line}, column ${col} (${(yamlError.code ?? 'syntax error').toLowerCase().replace(/_/g, ' ')})`;
  }
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position !== undefined) {
    const before = text.slice(0, Number(position)).split('\n');
    return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1} (not valid JSON)`;
  }
  if (error instanceof Error && /alias/i.test(error.message)) return 'an alias (*name) refers to no anchor, or to too many';
  return 'not valid YAML or JSON';
}
