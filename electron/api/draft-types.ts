// Saved drafts.
/** A saved draft: a Service manifest plus where the wizard meant to create it. */
export interface DraftSummary {
  id: string;
  /** metadata.name of the manifest, if it has one. */
  name: string;
  context: string | null;
  namespace: string | null;
  savedAt: string;
}
