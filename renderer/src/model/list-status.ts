// What a live list says about each selected cluster, from its streams' statuses, why its
// subscription could not start, and its connection's own state.
// Pure: unit-tested. The Services list uses it; any list of rows can.
import type { ConnectionState, WatchStatus } from '../../../electron/api/types';
import type { StripState } from './cluster-strip';

export interface ListStatus {
  state: StripState;
  /** The stream's or the call's own words. */
  message: string | null;
  /** The connection's state when it is what the status rests on (not connected; or stale because the check failed). */
  connection: ConnectionState | null;
}

const STARTING: ConnectionState[] = ['idle', 'connecting', 'connected'];
/** A failed connection check: a frozen or vanished server, whose rows are then the last known. */
const CHECK_FAILED: ConnectionState[] = ['unreachable', 'tls-error'];

export function listStatus(statuses: WatchStatus[], startError: string | undefined, connection: ConnectionState | undefined): ListStatus {
  const say = (state: StripState, message: string | null = null, because: ConnectionState | null = null): ListStatus => ({ state, message, connection: because });
  // Never connected: the connection's own state says why (details in the sidebar), not "Loading".
  if (statuses.length === 0 && !startError && connection && !STARTING.includes(connection)) return say('offline', null, connection);
  if (statuses.length === 0) return startError ? say('error', startError) : say('loading');
  // The connection's check failed: the rows are the last known, as the sidebar says, even before the streams notice.
  if (connection && CHECK_FAILED.includes(connection)) return say('stale', null, connection);
  const denied = statuses.find((s) => s.phase === 'denied');
  if (denied) return say('denied', denied.error?.message ?? null);
  const stale = statuses.find((s) => s.stale);
  if (stale) return say('stale', stale.error?.message ?? null);
  if (statuses.some((s) => !s.synced)) {
    const failing = statuses.find((s) => s.error);
    return say(failing ? 'error' : 'loading', failing?.error?.message ?? null);
  }
  return say('live');
}
