// What makes a live list of one kind: which resources to watch, how they join, and the slim row.
// The pipeline (row-subscription.ts) does the rest for every kind alike: shared streams, deltas,
// adaptive batching, bounded messages, a status per subscription.
import type { RowKind, RowOf } from '../../api/types';
import type { KubeObject } from '../watch/resource-ref';

export interface RowSource {
  /** The kind its objects are (a list's items do not say it). */
  kind: string;
  group: string;
  version: string;
  plural: string;
  /**
   * A resource some clusters do not serve (a CustomResourceDefinition such as Gateway API's
   * HTTPRoute): while it answers 404 it gives no rows and no error.
   */
  optional?: boolean;
}

export interface RowDescriptor<K extends RowKind> {
  kind: K;
  /** Each object of these becomes one row (its uid is the row's). */
  sources: RowSource[];
  /**
   * Objects joined into the rows of a single source: `ownerOf` names the source object (by name, in
   * the same namespace) each one belongs to, e.g. an EndpointSlice's Service.
   */
  join?: { source: RowSource; ownerOf(object: KubeObject): string | null };
  /**
   * The row of `object`, which came from `source`, with the objects joined to it: null while those
   * are not known yet (the joined resource is listed after the sources).
   */
  toRow(context: string, object: KubeObject, source: RowSource, joined: KubeObject[] | null): RowOf[K];
  /**
   * The part of a row the joined objects decide: when only joined objects changed and this stayed
   * the same, the row is not sent again.
   */
  joinSignature?(row: RowOf[K]): string;
}
