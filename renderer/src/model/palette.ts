// The command palette's entries: every context, every known namespace of every connected context,
// the Services of the list, and the common actions (create, the drafts; and for the best matching Service: edit,
// port-forward, copy its kubectl command). Pure: unit-tested.

export interface PaletteService {
  context: string;
  namespace: string;
  name: string;
  alias: string | null;
  ports: Array<{ port: number; protocol: string }>;
}

type Where = { context: string; namespace: string; name: string };

export type PaletteItem =
  | { kind: 'context'; id: string; context: string }
  | { kind: 'namespace'; id: string; context: string; namespace: string }
  | ({ kind: 'service'; id: string; alias: string | null } & Where)
  | { kind: 'create'; id: string }
  | { kind: 'drafts'; id: string }
  | ({ kind: 'edit'; id: string } & Where)
  | ({ kind: 'forward'; id: string; port: number } & Where)
  | ({ kind: 'copy'; id: string } & Where);

export interface PaletteSources {
  contexts: string[];
  namespaces: Map<string, string[]>;
  services: Iterable<PaletteService>;
  /** "Create Service" in the user's language, so that typing "create" or "创建" finds it. */
  createWords: string;
  /** "Drafts" in the user's language. */
  draftsWords: string;
}

export function paletteItems(sources: PaletteSources, query: string, limit = 50): PaletteItem[] {
  const words = query.toLowerCase().split(/[\s/]+/).filter(Boolean);
  const matches = (text: string): boolean => words.every((w) => text.toLowerCase().includes(w));
  const items: PaletteItem[] = [];
  if (matches(sources.createWords)) items.push({ kind: 'create', id: 'a:create' });
  if (matches(`${sources.draftsWords} drafts`)) items.push({ kind: 'drafts', id: 'a:drafts' });
  for (const context of sources.contexts) {
    if (matches(context)) items.push({ kind: 'context', id: `c:${context}`, context });
  }
  for (const context of sources.contexts) {
    for (const namespace of sources.namespaces.get(context) ?? []) {
      if (matches(`${context} ${namespace}`)) items.push({ kind: 'namespace', id: `n:${context}/${namespace}`, context, namespace });
    }
  }
  if (words.length === 0) return items.slice(0, limit);
  let best: PaletteService | null = null;
  for (const s of sources.services) {
    if (items.length >= limit) break;
    if (!matches(`${s.name} ${s.alias ?? ''} ${s.namespace} ${s.context}`)) continue;
    const where = { context: s.context, namespace: s.namespace, name: s.name };
    items.push({ kind: 'service', id: `s:${s.context}/${s.namespace}/${s.name}`, alias: s.alias, ...where });
    best ??= s;
  }
  if (best) {
    const where = { context: best.context, namespace: best.namespace, name: best.name };
    const tcp = best.ports.find((p) => p.protocol === 'TCP');
    const key = `${best.context}/${best.namespace}/${best.name}`;
    items.push({ kind: 'edit', id: `e:${key}`, ...where });
    if (tcp) items.push({ kind: 'forward', id: `f:${key}:${tcp.port}`, port: tcp.port, ...where });
    items.push({ kind: 'copy', id: `k:${key}`, ...where });
  }
  return items.slice(0, limit);
}
