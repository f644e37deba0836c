// Saved drafts: Service manifests kept as files in a folder the user owns, and applying them to clusters.
import type { Explanation } from './explanations';
import type { FieldProblem } from './manifest-types';

/** Where a draft is meant to go. */
export interface DraftTarget {
  context: string;
  namespace: string;
}

/** What the last apply (or dry run) of a draft did on one target. */
export interface DraftApplyRecord extends DraftTarget {
  at: string;
  dryRun: boolean;
  outcome: ApplyOutcome | ApplyFailure;
  /** The failure in words (the server's own, or why the cluster could not be asked). */
  message: string | null;
}

/** The wizard's local checks when the draft was last saved. */
export interface DraftValidation {
  at: string;
  /** Problems that would stop a create (0: none). */
  problems: number;
  /** The first of them, in the user's words at the time. */
  first: string | null;
}

/** A file of the drafts folder, as the Drafts view lists it. */
export interface DraftSummary {
  /** The file's name in the folder (drafts are addressed by it). */
  file: string;
  /** A digest of the file's bytes: a save names the version it started from, so no edit made elsewhere is overwritten unseen. */
  version: string;
  modifiedAt: string;
  name: string | null;
  namespace: string | null;
  alias: string | null;
  /** spec.type (ClusterIP when unset), or "Headless" for clusterIP: None. */
  type: string | null;
  /** Why this file is not a usable draft (not YAML, not a Service, several documents): listed, never touched. */
  problem: Explanation | null;
  targets: DraftTarget[];
  validation: DraftValidation | null;
  /** The last apply or dry run per target, newest first. */
  applied: DraftApplyRecord[];
}

export interface DraftList {
  folder: string;
  /** The app's own data folder (not one the user chose). */
  isDefault: boolean;
  drafts: DraftSummary[];
  /** Why the folder cannot be read (gone, not a folder, no permission). */
  problem: Explanation | null;
}

export interface DraftText {
  file: string;
  version: string;
  text: string;
}

export type DraftSaveResult =
  | { ok: true; draft: DraftSummary }
  /** The file changed on disk since `expectedVersion` (another editor, a git pull): nothing was written. */
  | { ok: false; reason: 'changed'; current: DraftText | null };

export interface DraftImportResult {
  created: DraftSummary[];
  /** Documents that are not Services (or not readable): reported, not saved. */
  skipped: Array<{ index: number; kind: string | null; name: string | null; reason: string }>;
}

export type ApplyOutcome = 'created' | 'updated' | 'unchanged';
export type ApplyFailure = 'conflict' | 'invalid' | 'forbidden' | 'unreachable' | 'changed' | 'error';

/** One target's answer to a server-side apply (or its dry run) of a draft. */
export type TargetApplyResult =
  | {
    ok: true;
    outcome: ApplyOutcome;
    dryRun: boolean;
    /** What is live now (null: nothing), and what the apply would leave (or left), without server-set fields. */
    live: Record<string, unknown> | null;
    result: Record<string, unknown>;
    warnings: string[];
  }
  | { ok: false; reason: ApplyFailure; explanation: Explanation; problems: FieldProblem[] };
