// Runs parse jobs on one worker thread (small texts inline), so no text a user or a file hands core
// blocks the main process: it answers the window while a big kubeconfig or a hostile manifest is read.
// The worker has a memory bound; past it the job fails with words and the worker starts again.
import { Worker } from 'node:worker_threads';
import type { KubeconfigParser } from '../kubeconfig/kubeconfig-parser.ts';
import { INLINE_BYTES, runJob, type ParseJob, type ParseJobResult } from './parse-jobs.ts';

const WORKER_HEAP_MB = 1536;

export interface OffThread {
  run<J extends ParseJob>(job: J): Promise<ParseJobResult<J>>;
  close(): void;
}

/** Jobs on the worker script at `workerUrl`; with null, everything runs inline (tests, tools). */
export function offThread(workerUrl: URL | null): OffThread {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker = null;
  };
  const start = (url: URL): Worker => {
    const w = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.unref();
    w.on('message', ({ id, result }: { id: number; result: never }) => {
      pending.get(id)?.resolve(result);
      pending.delete(id);
    });
    w.on('error', (error) => failAll((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new Error(`the text needs more than ${WORKER_HEAP_MB} MB to parse`) : error));
    w.on('exit', () => failAll(new Error('the parse worker stopped')));
    return w;
  };
  return {
    run(job) {
      if (!workerUrl || job.text.length <= INLINE_BYTES[job.kind]) return Promise.resolve(runJob(job));
      worker ??= start(workerUrl);
      const id = nextId++;
      const target = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (r: never) => void, reject });
        target.postMessage({ id, job });
      });
    },
    close() {
      void worker?.terminate();
      worker = null;
    },
  };
}

let shared: OffThread = offThread(null);

/** Called once by the app's entry points (main, serve) with the built worker's URL. */
export function useParseWorker(workerUrl: URL): void {
  shared.close();
  shared = offThread(workerUrl);
}

/** A job on the app's parse worker (inline until useParseWorker is called). */
export function parseOffThread<J extends ParseJob>(job: J): Promise<ParseJobResult<J>> {
  return shared.run(job);
}

/** A kubeconfig parser on `runner`, or on the app's parse worker. */
export function kubeconfigParser(runner?: OffThread): KubeconfigParser {
  return {
    parse: (text) => (runner ? runner.run({ kind: 'kubeconfig', text }) : parseOffThread({ kind: 'kubeconfig', text })),
    close: () => runner?.close(),
  };
}
