// What a text transport (the browser transport's WebSocket) sends for an event's payload. Most go
// as they are; a rows batch goes packed: its rows' field names once per batch, each row as an array
// of values in that order, without its context (the batch's own). Rows are most of what a page
// receives (30,003 Services: 15.1 MB as objects, 8.4 MB packed), and every byte is copied by
// core's socket, Chromium's browser process and the renderer. Shared by core (packs) and the
// page's bridge (unpacks); pure, unit-tested.
import type { EventName } from './contract';
import type { RowsBatch } from './row-types';

/**
 * A rows batch as it travels: `fields` names the values of each entry of `values`; each row's
 * context (the batch's) goes back in before field `contextAt`, where core's row had it.
 */
export interface PackedRowsBatch extends Omit<RowsBatch, 'upserted'> {
  fields: string[];
  contextAt: number;
  values: unknown[][];
}

type Row = Record<string, unknown>;

/**
 * Every row of a kind has the same fields (the row types have no optional ones; absent values are
 * null), so the first row's names serve the batch.
 */
export function packRowsBatch(batch: RowsBatch): PackedRowsBatch {
  const { upserted, ...rest } = batch;
  const rows = upserted as unknown as Row[];
  const keys = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const fields = keys.filter((field) => field !== 'context');
  const values = rows.map((row) => fields.map((field) => row[field]));
  return { ...rest, fields, contextAt: keys.indexOf('context'), values };
}

export function unpackRowsBatch(packed: PackedRowsBatch): RowsBatch {
  const { fields, contextAt, values, ...rest } = packed;
  const upserted = new Array<Row>(values.length);
  for (let i = 0; i < values.length; i++) {
    const entry = values[i]!;
    const row: Row = {};
    for (let f = 0; f < fields.length; f++) {
      if (f === contextAt) row.context = packed.context;
      row[fields[f]!] = entry[f];
    }
    if (contextAt === fields.length) row.context = packed.context;
    upserted[i] = row;
  }
  return { ...rest, upserted: upserted as unknown as RowsBatch['upserted'] };
}

/** The payload as a text transport sends it. */
export function toWire(event: EventName, payload: object): object {
  return event === 'rows' ? packRowsBatch(payload as RowsBatch) : payload;
}

/** The payload as the API promised it, from what a text transport received. */
export function fromWire(event: EventName, payload: unknown): unknown {
  return event === 'rows' ? unpackRowsBatch(payload as PackedRowsBatch) : payload;
}
