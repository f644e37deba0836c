// What the app remembers across restarts, in one JSON file in the state folder: kubeconfig files the
// user added, and the sidebar's state (pinned and selected contexts, namespaces per context). Kept in
// core, not in the renderer's storage, because the browser transport's origin changes with its port.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { uiStateSchema } from '../../api/contract';
import type { UiState } from '../../api/types';
import { writeFileAtomic } from './atomic-write';

const trustedPlugin = v.object({ file: v.string(), command: v.string() });

const stateSchema = v.object({
  kubeconfigFiles: v.array(v.string()),
  /** Exec commands of kubeconfig files added in the app that the user allowed to run, per file. */
  trustedPlugins: v.optional(v.array(trustedPlugin), []),
  ui: uiStateSchema,
  /** The drafts folder the user chose (null: the app's data folder). */
  draftFolder: v.optional(v.nullable(v.string()), null),
});

export type AppState = v.InferOutput<typeof stateSchema>;

export const EMPTY_UI_STATE: UiState = { pinned: [], selected: [], namespaces: {}, groupBy: 'file' };

export class AppStateStore {
  private readonly file: string | null;
  private state: AppState = { kubeconfigFiles: [], trustedPlugins: [], ui: EMPTY_UI_STATE, draftFolder: null };
  private writing: Promise<void> = Promise.resolve();

  /** `dir` null: nothing is remembered (tests, throwaway sessions). */
  constructor(dir: string | null) {
    this.file = dir ? join(dir, 'portolan-state.json') : null;
  }

  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const parsed = v.safeParse(stateSchema, JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) this.state = parsed.output;
    } catch {
      /* no state yet, or unreadable: start empty */
    }
  }

  get kubeconfigFiles(): string[] {
    return this.state.kubeconfigFiles;
  }

  get trustedPlugins(): Array<{ file: string; command: string }> {
    return this.state.trustedPlugins;
  }

  get draftFolder(): string | null {
    return this.state.draftFolder;
  }

  get ui(): UiState {
    return this.state.ui;
  }

  async update(patch: Partial<AppState>): Promise<void> {
    this.state = { ...this.state, ...patch };
    if (!this.file) return;
    const file = this.file;
    const data = JSON.stringify(this.state, null, 2);
    // Writes are queued so that an older state can never land after a newer one.
    this.writing = this.writing.then(() => writeFileAtomic(file, data), () => writeFileAtomic(file, data));
    await this.writing;
  }
}
