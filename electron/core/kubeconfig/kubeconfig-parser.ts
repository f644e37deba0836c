// Parsing a kubeconfig file's text, on this thread for small files and on a worker thread for big
// ones: kubectl's YAML dialect on a file of tens of thousands of contexts takes seconds, and the main
// process must keep answering the window meanwhile. The worker has a memory bound; a file past it,
// or past MAX_KUBECONFIG_BYTES, is refused with words instead of taking the app down.
import { Worker } from 'node:worker_threads';
import { kubeconfigProblem, type KubeconfigProblem } from './decode-kubeconfig.ts';
import { parseKubeconfig, type ParsedKubeconfig } from './parse-kubeconfig.ts';

export interface ParseResult {
  parsed: ParsedKubeconfig;
  problem: KubeconfigProblem | null;
}

export interface KubeconfigParser {
  parse(text: string): Promise<ParseResult>;
  close(): void;
}

/** Files up to this size are parsed on the calling thread (well under 50 ms). */
export const INLINE_PARSE_BYTES = 256 * 1024;
/** Bigger files are not read at all (kubectl's own limit is the machine's memory). */
export const MAX_KUBECONFIG_BYTES = 64 * 1024 * 1024;
const WORKER_HEAP_MB = 1536;

/** Parse and check one text, as the worker does; also what runs inline. */
export function parseAndCheck(text: string): ParseResult {
  const parsed = parseKubeconfig(text);
  return { parsed, problem: parsed.ok ? kubeconfigProblem(parsed.doc) : null };
}

export const inlineParser: KubeconfigParser = {
  parse: (text) => Promise.resolve(parseAndCheck(text)),
  close: () => undefined,
};

/** A parser that sends big texts to the worker script at `workerUrl` (kubeconfig-parse-worker). */
export function workerParser(workerUrl: URL): KubeconfigParser {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: ParseResult) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.unref();
    w.on('message', ({ id, result }: { id: number; result: ParseResult }) => {
      pending.get(id)?.resolve(result);
      pending.delete(id);
    });
    w.on('error', (error) => failAll(error.message.includes('memory') || (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new Error(`the file needs more than ${WORKER_HEAP_MB} MB to parse`) : error));
    w.on('exit', () => failAll(new Error('the kubeconfig parser stopped')));
    return w;
  };
  return {
    parse(text) {
      if (text.length <= INLINE_PARSE_BYTES) return Promise.resolve(parseAndCheck(text));
      worker ??= start();
      const id = nextId++;
      const target = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.postMessage({ id, text });
      });
    },
    close() {
      void worker?.terminate();
      worker = null;
    },
  };
}
