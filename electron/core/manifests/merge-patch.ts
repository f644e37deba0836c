// JSON merge patches (RFC 7386) between two versions of an object: what `kubectl edit` users expect
// an edit to send, the change from what they opened to what they saved, no more. A removed key is a
// null (the server removes the field); a changed list is sent whole (the user saw all of it). Pure.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (x: unknown): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a)) return isObject(b) && Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => k in b && same(a[k], b[k]));
  return a === b;
}

/** The merge patch that turns `from` into `to`; null when they are the same. */
export function mergePatch(from: JsonObject, to: JsonObject): JsonObject | null {
  const patch: JsonObject = {};
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  for (const [key, value] of Object.entries(to)) {
    const before = from[key];
    if (key in from && same(before, value)) continue;
    if (isObject(before) && isObject(value)) {
      const inner = mergePatch(before, value);
      if (inner) patch[key] = inner;
    } else {
      patch[key] = value;
    }
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

/** `target` with `patch` applied, as the API server applies a merge patch. */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key] ?? null, value);
  }
  return result;
}

/** The paths (a.b.c) a merge patch sets or removes, down to the values it sends. */
export function patchPaths(patch: JsonObject, prefix = ''): string[] {
  return Object.entries(patch).flatMap(([key, value]) => (isObject(value) ? patchPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

/** Paths both patches touch (one inside the other counts): where mine and theirs disagree. */
export function overlappingPaths(mine: JsonObject, theirs: JsonObject): string[] {
  const theirPaths = patchPaths(theirs);
  return patchPaths(mine).filter((p) => theirPaths.some((q) => p === q || p.startsWith(`${q}.`) || q.startsWith(`${p}.`)));
}
