// The command palette's entries: every context, and every known namespace of every connected context.
// Pure: unit-tested.

export type PaletteItem =
  | { kind: 'context'; id: string; context: string }
  | { kind: 'namespace'; id: string; context: string; namespace: string };

export function paletteItems(contexts: string[], namespaces: Map<string, string[]>, query: string, limit = 50): PaletteItem[] {
  const words = query.toLowerCase().split(/[\s/]+/).filter(Boolean);
  const matches = (text: string): boolean => words.every((w) => text.toLowerCase().includes(w));
  const items: PaletteItem[] = [];
  for (const context of contexts) {
    if (matches(context)) items.push({ kind: 'context', id: `c:${context}`, context });
  }
  for (const context of contexts) {
    for (const namespace of namespaces.get(context) ?? []) {
      if (matches(`${context} ${namespace}`)) items.push({ kind: 'namespace', id: `n:${context}/${namespace}`, context, namespace });
    }
  }
  return items.slice(0, limit);
}
