// The worker thread of kubeconfig-parser.ts: parses and checks one file's text per message. Its own
// entry in the build (out/main/kubeconfig-parse-worker.js); imports carry .ts so Node runs it as is.
import { parentPort } from 'node:worker_threads';
import { parseAndCheck } from './kubeconfig-parser.ts';

parentPort?.on('message', ({ id, text }: { id: number; text: string }) => {
  parentPort?.postMessage({ id, result: parseAndCheck(text) });
});
