// Where a Service can be opened from outside (the detail view's "Open" links), built by core from the
// Service's status and ports: a LoadBalancer's addresses, else a node and each nodePort. The desktop
// app opens only URLs built here in the system browser (OpenableUrls), never one a page made up.
import type { ServiceRow } from '../../api/types';

export function serviceAddresses(row: ServiceRow | null, nodeAddresses: string[]): string[] {
  if (!row) return [];
  const tcp = row.ports.filter((p) => p.protocol === 'TCP');
  const host = (h: string): string => (h.includes(':') ? `[${h}]` : h);
  if (row.access === 'load-balancer' && row.externalAddresses.length) {
    return row.externalAddresses.flatMap((h) => tcp.map((p) => `http://${host(h)}:${p.port}`));
  }
  const node = nodeAddresses[0];
  if (row.access !== 'none' && node) return tcp.filter((p) => p.nodePort).map((p) => `http://${host(node)}:${p.nodePort}`);
  return [];
}

/** The addresses the open detail views show; the only URLs the desktop app hands to the OS. */
export class OpenableUrls {
  private readonly bySubscription = new Map<string, string[]>();

  set(subscriptionId: string, urls: string[]): void {
    if (urls.length) this.bySubscription.set(subscriptionId, urls);
    else this.bySubscription.delete(subscriptionId);
  }

  forget(subscriptionId: string): void {
    this.bySubscription.delete(subscriptionId);
  }

  has(url: string): boolean {
    for (const urls of this.bySubscription.values()) if (urls.includes(url)) return true;
    return false;
  }
}
