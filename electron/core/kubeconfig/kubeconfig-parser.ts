// Parsing a kubeconfig file's text and checking it as kubectl would, as one job for the parse worker
// (parse-worker/): a file of tens of thousands of contexts takes seconds, and the main process must
// keep answering the window meanwhile. Files past MAX_KUBECONFIG_BYTES are not read at all.
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

/** Bigger files are not read at all (kubectl's own limit is the machine's memory). */
export const MAX_KUBECONFIG_BYTES = 64 * 1024 * 1024;
/** The same bound, as said to the user. */
export const MAX_KUBECONFIG_SIZE = `${MAX_KUBECONFIG_BYTES / 1024 / 1024} MB`;

/** Parse and check one text: what the parse worker runs for a kubeconfig. */
export function parseAndCheck(text: string): ParseResult {
  const parsed = parseKubeconfig(text);
  return { parsed, problem: parsed.ok ? kubeconfigProblem(parsed.doc) : null };
}
