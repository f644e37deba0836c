// monaco-yaml's worker manager, for Monaco ≥ 0.55. monaco-worker-manager (the package monaco-yaml
// uses) calls monaco.editor.createWebWorker({ moduleId, label, createData }); Monaco 0.55 changed that
// API to take a ready Worker, so it failed ("reading 'label'") and the YAML service never started.
// Monaco's own language services now go through an internal helper that creates the worker and sends
// it the create data; this module does the same for monaco-yaml. A Vite alias puts it in place of
// monaco-worker-manager's main module (its worker side is unchanged and still fits).
import type * as Monaco from 'monaco-editor/editor/editor.api';
// @ts-expect-error Monaco ships no types for this internal helper.
import { createWebWorker } from 'monaco-editor/internal/common/workers';

interface WorkerManagerOptions<C> {
  label: string;
  moduleId: string;
  createData: C;
  interval?: number;
  stopWhenIdleFor?: number;
}

interface MonacoWorker<T> {
  dispose(): void;
  withSyncedResources(resources: Monaco.Uri[]): Promise<T>;
}

export function createWorkerManager<T, C>(_monaco: typeof Monaco, options: WorkerManagerOptions<C>) {
  let { createData } = options;
  const { label, moduleId, interval = 30_000, stopWhenIdleFor = 120_000 } = options;
  let worker: MonacoWorker<T> | undefined;
  let lastUsedTime = 0;
  let disposed = false;
  const stopWorker = (): void => {
    worker?.dispose();
    worker = undefined;
  };
  const intervalId = setInterval(() => {
    if (worker && Date.now() - lastUsedTime > stopWhenIdleFor) stopWorker();
  }, interval);
  return {
    dispose(): void {
      disposed = true;
      clearInterval(intervalId);
      stopWorker();
    },
    getWorker(...resources: Monaco.Uri[]): Promise<T> {
      if (disposed) throw new Error('Worker manager has been disposed');
      lastUsedTime = Date.now();
      worker ??= (createWebWorker as (opts: unknown) => MonacoWorker<T>)({ label, moduleId, createData });
      return worker.withSyncedResources(resources);
    },
    updateCreateData(next: C): void {
      createData = next;
      stopWorker();
    },
  };
}
