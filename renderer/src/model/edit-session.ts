// What both edits of a live Service (the YAML tab and the wizard opened on it) keep: the text they
// opened with its resourceVersion, and, when the Service changed meanwhile, the conflict core
// answered with, as texts. Pure: unit-tested.
import { stringify } from 'yaml';
import { withoutServerFields } from '../../../electron/api/server-fields';
import type { EditResult } from '../../../electron/api/types';

export interface OpenedText { text: string; resourceVersion: string }
export interface EditConflict { current: string; rebased: string; overlapping: string[]; resourceVersion: string }

/** The text a live Service is edited as (without what the server sets), and the version it was opened at. */
export function openedFrom(object: Record<string, unknown>): OpenedText {
  return {
    text: stringify(withoutServerFields(object)),
    resourceVersion: String((object.metadata as { resourceVersion?: string } | undefined)?.resourceVersion ?? ''),
  };
}

/** The Service as it is now and the user's change rebased on it, when core says it changed meanwhile. */
export function conflictOf(result: EditResult): EditConflict | null {
  return !result.ok && result.reason === 'changed'
    ? { current: stringify(result.current), rebased: stringify(result.rebased), overlapping: result.overlapping, resourceVersion: result.resourceVersion }
    : null;
}

/** Continuing after a conflict: opened at the Service as it is now, editing the rebased text. */
export function rebasedOpening(conflict: EditConflict): { opened: OpenedText; draft: string } {
  return { opened: { text: conflict.current, resourceVersion: conflict.resourceVersion }, draft: conflict.rebased };
}
