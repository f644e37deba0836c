import { parse } from 'yaml';

export type KubeconfigDoc = Record<string, unknown>;

export type ParsedKubeconfig = { ok: true; doc: KubeconfigDoc } | { ok: false; problem: 'not-yaml' | 'not-kubeconfig'; detail: string };

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Parses one kubeconfig file's text; an empty file is an empty kubeconfig. */
export function parseKubeconfig(text: string): ParsedKubeconfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { ok: false, problem: 'not-yaml', detail: reason ?? '' };
  }
  if (doc === null || doc === undefined) return { ok: true, doc: {} };
  if (!isRecord(doc)) return { ok: false, problem: 'not-kubeconfig', detail: Array.isArray(doc) ? 'a list' : typeof doc };
  return { ok: true, doc };
}
