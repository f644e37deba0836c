// Live subscriptions, one way: `subscribe` picks the subscription's id itself, so events that
// overtake the call's answer are routed like the rest; it hides the window's client id, and `close`
// unwatches. Events whose subscription this page did not make (another page's, one already closed)
// are dropped here, by id.
import type { PortolanApi } from '../../../electron/api/contract';
import type { RowKind, RowsBatch, ServiceDetail, WatchStatus } from '../../../electron/api/types';

export type LiveTarget =
  | { kind: 'rows'; rows: RowKind; context: string; namespace: string | null }
  | { kind: 'serviceDetail'; context: string; namespace: string; name: string };

type DataOf<T extends LiveTarget> = T extends { kind: 'rows'; rows: infer K extends RowKind } ? RowsBatch<K> : ServiceDetail;

export interface LiveHandlers<T extends LiveTarget> {
  onData(data: DataOf<T>): void;
  /** The stream's state; after phase 'stopped' the subscription is over (its handlers are dropped). */
  onStatus?(status: WatchStatus): void;
}

export interface Live {
  readonly id: string;
  /** Settles once core accepted the subscription (rejects with its words when it did not). */
  readonly started: Promise<void>;
  close(): void;
}

interface Route {
  onData(data: unknown): void;
  onStatus?(status: WatchStatus): void;
}

export type Subscribe = <T extends LiveTarget>(target: T, handlers: LiveHandlers<T>) => Live;
type LiveApi = Pick<PortolanApi, 'on' | 'watchRows' | 'watchServiceDetail' | 'unwatch'>;

/** `subscribe` for one page (api/portolan.ts makes the page's own). */
export function liveSubscriptions(api: LiveApi, clientId: string): Subscribe {
  const routes = new Map<string, Route>();
  let listening = false;

  function listen(): void {
    if (listening) return;
    listening = true;
    api.on('rows', (batch) => routes.get(batch.subscriptionId)?.onData(batch));
    api.on('serviceDetail', (detail) => routes.get(detail.subscriptionId)?.onData(detail));
    api.on('watchStatus', (status) => {
      const route = routes.get(status.subscriptionId);
      if (status.phase === 'stopped') routes.delete(status.subscriptionId);
      route?.onStatus?.(status);
    });
  }

  return (target, handlers) => {
    listen();
    const id = crypto.randomUUID();
    routes.set(id, handlers as Route);
    const call = target.kind === 'rows'
      ? api.watchRows({ clientId, kind: target.rows, subscriptionId: id, context: target.context, namespace: target.namespace })
      : api.watchServiceDetail({ clientId, subscriptionId: id, context: target.context, namespace: target.namespace, name: target.name });
    const started = call.then(() => undefined, (error: unknown) => {
      routes.delete(id);
      throw error;
    });
    return {
      id,
      started,
      close() {
        if (!routes.delete(id)) return;
        void started.then(() => api.unwatch({ subscriptionId: id })).catch(() => undefined);
      },
    };
  };
}
