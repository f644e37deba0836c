// The same Service in several clusters, side by side: what a person would compare (labels,
// annotations and spec, without what each cluster set or allocated on its own), and whether each
// cluster's copy matches the one compared against. Pure: unit-tested.
import { sameValue } from './value-align';
import { asDraftObject } from '../../../electron/api/server-fields';

type Obj = Record<string, unknown>;

/** The parts that say what the Service is: its labels, annotations and spec (no cluster IPs, no status, no bookkeeping). */
export function comparable(object: Obj): Obj {
  const clean = asDraftObject(object) as { metadata?: Obj; spec?: Obj };
  const metadata = clean.metadata ?? {};
  return {
    metadata: { ...(metadata.labels ? { labels: metadata.labels } : {}), ...(metadata.annotations ? { annotations: metadata.annotations } : {}) },
    spec: clean.spec ?? {},
  };
}

/** Per context: 'same' as the base, 'differs', or 'missing' (no such Service there). */
export function compareWith(base: Obj, others: Map<string, Obj | null>): Map<string, 'same' | 'differs' | 'missing'> {
  const want = comparable(base);
  return new Map([...others].map(([context, object]) => [context, object === null ? 'missing' : sameValue(comparable(object), want) ? 'same' : 'differs']));
}
