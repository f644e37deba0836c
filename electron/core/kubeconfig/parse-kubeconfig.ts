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
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { ok: false, problem: 'not-yaml', detail: reason ?? '' };
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
