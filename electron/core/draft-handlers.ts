// The drafts methods of the contract, over the drafts folder (core/drafts) and the remembered choice
// of folder. Applying a draft needs a cluster too, so portolan-core.ts wires that one.
import type { ApiHandlers } from '../api/dispatcher';
import { PortolanError } from '../api/portolan-error';
import type { DraftStore } from './drafts/draft-store';
import type { AppStateStore } from './state/app-state-store';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';

type DraftMethods = 'listDrafts' | 'readDraft' | 'saveDraft' | 'renameDraft' | 'duplicateDraft' | 'deleteDraft' | 'importDrafts' | 'setDraftTargets' | 'setDraftFolder' | 'chooseDraftFolder';

async function checkedFolder(path: string): Promise<string> {
  if (!isAbsolute(path) || path.includes('\0')) throw new PortolanError('invalid-input', `"${path}" is not an absolute path`);
  const folder = resolve(path);
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new PortolanError('invalid-input', `${folder} is not a folder`);
  return folder;
}

export function draftHandlers(drafts: DraftStore, appState: AppStateStore, ready: Promise<void>): Pick<ApiHandlers, DraftMethods> {
  return {
    listDrafts: async () => {
      await ready;
      return drafts.list();
    },
    readDraft: async ({ file }) => drafts.read(file),
    saveDraft: async ({ file, text, expectedVersion, targets, validation }) => {
      await ready;
      return drafts.save({ file, text, expectedVersion, ...(targets ? { targets } : {}), ...(validation ? { validation } : {}) });
    },
    renameDraft: async ({ file, to }) => drafts.rename(file, to),
    duplicateDraft: async ({ file }) => drafts.duplicate(file),
    deleteDraft: async ({ file }) => drafts.remove(file),
    importDrafts: async ({ text }) => {
      await ready;
      return drafts.importText(text);
    },
    setDraftTargets: async ({ file, targets }) => drafts.setTargets(file, targets),
    setDraftFolder: async ({ path }) => {
      await ready;
      const folder = path === null ? null : await checkedFolder(path);
      const list = await drafts.open(folder);
      await appState.update({ draftFolder: folder });
      return list;
    },
    chooseDraftFolder: async () => {
      throw new PortolanError('invalid-input', 'the folder dialog is the desktop app\'s; here, type the folder\'s path');
    },
  };
}
