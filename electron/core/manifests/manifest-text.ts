// The user's manifest text read as one YAML (or JSON) document, within bounds: nothing a manifest
// can hold may block the process that reads it or blow its stack. The yaml package's own duplicate-
// key check is quadratic (a 400 KB map of 30,000 keys took 7 s), so keys are checked here in one pass;
// flow nesting and indentation are measured before the parser sees the text; aliases are capped.
import { isScalar, parseAllDocuments, visit } from 'yaml';

export const MANIFEST_LIMITS = { depth: 64, indent: 512, aliases: 100 } as const;

export type ManifestText = { ok: true; value: unknown } | { ok: false; detail: string };

/** How deep flow collections nest and how far lines indent, in one pass that skips quoted text. */
function tooDeep(text: string): string | null {
  let depth = 0;
  let quote: string | null = null;
  let indent = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t') {
        if (++indent > MANIFEST_LIMITS.indent) return `a line is indented more than ${MANIFEST_LIMITS.indent} characters`;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '[' || c === '{') {
      if (++depth > MANIFEST_LIMITS.depth) return `collections nest deeper than ${MANIFEST_LIMITS.depth} levels`;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return null;
}

/** Parses one document (a trailing `---` is fine) and says where it broke or which key repeats. */
export function readManifestText(text: string): ManifestText {
  const deep = tooDeep(text);
  if (deep) return { ok: false, detail: deep };
  // Empty documents (a leading or trailing `---`) are fine, as kubectl and the API server take them.
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  const error = docs.flatMap((d) => d.errors)[0];
  if (error) return { ok: false, detail: error.message.split('\n')[0] ?? '' };
  const filled = docs.filter((d) => d.contents !== null && !(isScalar(d.contents) && d.contents.value === null));
  if (filled.length > 1) return { ok: false, detail: `the text holds ${filled.length} documents; one Service at a time` };
  const doc = filled[0] ?? docs[0];
  if (!doc) return { ok: true, value: null };
  let duplicate: string | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const item of map.items) {
        const key = isScalar(item.key) ? String(item.key.value) : JSON.stringify(item.key);
        if (seen.has(key)) {
          duplicate = key;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  if (duplicate !== null) return { ok: false, detail: `the key "${duplicate}" appears twice in one mapping` };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MANIFEST_LIMITS.aliases }) };
  } catch (e) {
    return { ok: false, detail: (e as Error).message.split('\n')[0] ?? '' };
  }
}

