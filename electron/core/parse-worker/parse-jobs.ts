// The parsing core does for text it is handed (a kubeconfig file, a user's manifest), as jobs a
// worker thread can run. Imports carry .ts so Node runs the worker from source in tests.
import { parseAndCheck, type ParseResult } from '../kubeconfig/kubeconfig-parser.ts';
import { readManifestText, type ManifestText } from '../manifests/manifest-text.ts';

export type ParseJob = { kind: 'kubeconfig'; text: string } | { kind: 'manifest'; text: string };
export type ParseJobResult<J extends ParseJob> = J extends { kind: 'kubeconfig' } ? ParseResult : ManifestText;

/** Texts up to this size are parsed on the calling thread (well under 50 ms each). */
export const INLINE_BYTES: Record<ParseJob['kind'], number> = { kubeconfig: 256 * 1024, manifest: 32 * 1024 };

export function runJob<J extends ParseJob>(job: J): ParseJobResult<J> {
  return (job.kind === 'kubeconfig' ? parseAndCheck(job.text) : readManifestText(job.text)) as ParseJobResult<J>;
}
