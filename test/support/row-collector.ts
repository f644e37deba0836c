// Collects what a subscription sends: applies row batches to a map as the renderer would, and keeps
// every batch and status with the time it arrived.
import type { ServiceRow, RowsBatch, WatchStatus } from '../../electron/api/types';
import type { PortolanCore } from '../../electron/core/portolan-core';

export class RowCollector {
  readonly rows = new Map<string, ServiceRow>();
  readonly batches: Array<{ at: number; batch: RowsBatch<'services'> }> = [];
  readonly statuses: WatchStatus[] = [];
  private readonly stop: () => void;
  private readonly subscriptionId: () => string | null;

  constructor(core: PortolanCore, subscriptionId: () => string | null) {
    this.subscriptionId = subscriptionId;
    this.stop = core.events.listen((event, payload) => {
      const id = this.subscriptionId();
      if (event === 'rows') {
        const batch = payload as RowsBatch<'services'>;
        if (batch.subscriptionId !== id) return;
        this.batches.push({ at: performance.now(), batch });
        for (const row of batch.upserted) this.rows.set(row.uid, row);
        for (const uid of batch.deleted) this.rows.delete(uid);
      } else if (event === 'watchStatus') {
        const status = payload as WatchStatus;
        if (status.subscriptionId === id) this.statuses.push(status);
      }
    });
  }

  byName(name: string, namespace?: string): ServiceRow | undefined {
    return [...this.rows.values()].find((r) => r.name === name && (namespace === undefined || r.namespace === namespace));
  }

  get lastStatus(): WatchStatus | undefined {
    return this.statuses.at(-1);
  }

  close(): void {
    this.stop();
  }
}
