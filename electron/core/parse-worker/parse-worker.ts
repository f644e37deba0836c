// The parse worker thread: runs one parse job per message. Its own entry in the build
// (out/main/parse-worker.js); main and serve name it by URL (useParseWorker).
import { parentPort } from 'node:worker_threads';
import { runJob, type ParseJob } from './parse-jobs.ts';

parentPort?.on('message', ({ id, job }: { id: number; job: ParseJob }) => {
  parentPort?.postMessage({ id, result: runJob(job) });
});
