// How the sidebar arranges contexts: filtered by the search text, pinned ones on top, the rest grouped
// by kubeconfig file or by cluster server, the current context first in its group. Pure: unit-tested.
import type { ContextSummary, KubeconfigFileStatus, SidebarGrouping } from '../../../electron/api/types';

export interface ContextGroup {
  key: string;
  /** A file path or a server URL; the UI shortens it. */
  label: string;
  file: KubeconfigFileStatus | null;
  contexts: ContextSummary[];
}

export interface ArrangedContexts {
  pinned: ContextSummary[];
  groups: ContextGroup[];
  /** How many contexts match the search. */
  matching: number;
}

export function matchesQuery(context: ContextSummary, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [context.name, context.cluster, context.server ?? '', context.namespace ?? '', context.user].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

const currentFirst = (a: ContextSummary, b: ContextSummary): number => Number(b.current) - Number(a.current);

export function arrangeContexts(
  contexts: ContextSummary[], files: KubeconfigFileStatus[], options: { groupBy: SidebarGrouping; query: string; pinned: string[] },
): ArrangedContexts {
  const matching = contexts.filter((c) => matchesQuery(c, options.query));
  const pinnedSet = new Set(options.pinned);
  const pinned = options.pinned.flatMap((name) => matching.filter((c) => c.name === name));
  const rest = matching.filter((c) => !pinnedSet.has(c.name));
  let groups: ContextGroup[];
  if (options.groupBy === 'file') {
    groups = files.map((file) => ({
      key: `file:${file.path}`, label: file.path, file, contexts: rest.filter((c) => c.source === file.path).sort(currentFirst),
    }));
    // Files without matching contexts are kept when there is no search: they carry file problems.
    if (options.query.trim()) groups = groups.filter((g) => g.contexts.length > 0);
  } else {
    const servers = [...new Set(rest.map((c) => c.server ?? ''))];
    groups = servers.map((server) => ({
      key: `server:${server}`, label: server, file: null, contexts: rest.filter((c) => (c.server ?? '') === server).sort(currentFirst),
    }));
  }
  return { pinned: pinned.sort(currentFirst), groups, matching: matching.length };
}
