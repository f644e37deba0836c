// The Drafts view's rows: searched by file, name, alias, namespace, type and target, newest first.
// Pure: unit-tested.
import type { DraftApplyRecord, DraftSummary } from '../../../electron/api/types';

export function matchingDrafts(drafts: DraftSummary[], query: string): DraftSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = (d: DraftSummary): string =>
    [d.file, d.name, d.alias, d.namespace, d.type, ...d.targets.map((t) => `${t.context} ${t.namespace}`)].filter(Boolean).join(' ').toLowerCase();
  return drafts.filter((d) => words.every((w) => text(d).includes(w)))
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.file.localeCompare(b.file));
}

/** The newest apply of each target, for "applied where, when, with which result". */
export function appliedTargets(draft: DraftSummary): DraftApplyRecord[] {
  return draft.applied.filter((a) => !a.dryRun).sort((a, b) => a.context.localeCompare(b.context));
}
