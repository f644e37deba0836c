// A browser page away longer than the grace period (a closed laptop lid, a network blip): the server
// releases its live lists, and when the page comes back it is told so, subscribes again, and gets the
// cluster's current state, including what changed while it was away.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { EventName } from '../../electron/api/contract';
import { fromWire } from '../../electron/api/event-wire';
import type { RowsBatch, WatchStatus } from '../../electron/api/types';
import type { PortolanCore } from '../../electron/core/portolan-core';
import { startBrowserTransport, type BrowserTransport } from '../../electron/serve/browser-transport-server';
import { connectedCore, testClusters, uniqueNamespace } from './clusters';

const set = testClusters();
const cluster = set.clusters[0]!;
let core: PortolanCore;
let transport: BrowserTransport;
afterAll(async () => {
  await transport?.close();
  await core?.dispose();
});

it('tells a page back after its grace period that its lists ended, and a new subscription converges', async () => {
  core = await connectedCore(set.kubeconfig, cluster.name);
  const rendererDir = mkdtempSync(join(tmpdir(), 'portolan-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  transport = await startBrowserTransport({ core, rendererDir, sessions: { graceMs: 300 } });
  const auth = { Authorization: `Bearer ${transport.token}` };
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const response = await fetch(`http://127.0.0.1:${transport.port}/api/call`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...auth }, body: JSON.stringify({ method, input }),
    });
    const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };
  const open = async (): Promise<{ ws: WebSocket; messages: Array<{ event: string; payload: unknown }> }> => {
    const ws = new WebSocket(`ws://127.0.0.1:${transport.port}/api/events?client=returning-page`, { headers: auth });
    const messages: Array<{ event: string; payload: unknown }> = [];
    ws.on('message', (data) => {
      const { event, payload } = JSON.parse(String(data)) as { event: EventName; payload: unknown };
      messages.push({ event, payload: fromWire(event, payload) });
    });
    await new Promise((resolve) => ws.on('open', resolve));
    return { ws, messages };
  };
  const namespace = uniqueNamespace('away');
  await cluster.kubectl(['create', 'namespace', namespace]);
  const service = (name: string): string => JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80 }] } });
  await cluster.kubectl(['apply', '-n', namespace, '-f', '-'], service('before'));

  const first = await open();
  const { subscriptionId } = (await call('watchRows', { clientId: 'returning-page', kind: 'services', context: cluster.name, namespace })) as { subscriptionId: string };
  const names = (messages: Array<{ event: string; payload: unknown }>, id: string): string[] => messages
    .filter((m) => m.event === 'rows' && (m.payload as RowsBatch<'services'>).subscriptionId === id)
    .flatMap((m) => (m.payload as RowsBatch<'services'>).upserted.map((r) => r.name));
  await vi.waitFor(() => expect(names(first.messages, subscriptionId)).toContain('before'), { timeout: 10_000 });

  first.ws.close();
  await new Promise((r) => setTimeout(r, 800)); // longer than the grace period
  await cluster.kubectl(['apply', '-n', namespace, '-f', '-'], service('while-away'));

  const back = await open();
  await vi.waitFor(() => expect(back.messages.map((m) => m.event)).toContain('watchStatus'));
  const farewell = back.messages.find((m) => m.event === 'watchStatus')!.payload as WatchStatus;
  expect(farewell).toMatchObject({ subscriptionId, phase: 'stopped', error: { kind: 'released' } });
  // What the page's store does on that status: subscribe to the same scope again.
  const again = (await call('watchRows', { clientId: 'returning-page', kind: 'services', context: cluster.name, namespace })) as { subscriptionId: string };
  await vi.waitFor(() => expect(names(back.messages, again.subscriptionId).sort()).toEqual(['before', 'while-away']), { timeout: 10_000 });
  back.ws.close();
}, 60_000);
