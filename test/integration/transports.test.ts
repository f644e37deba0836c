// One contract suite, run through both transports against real clusters: Electron's (main's IPC
// handlers and the preload's bridge over an in-memory ipcMain/ipcRenderer pair) and the browser
// transport (HTTP + WebSocket, with the renderer's own bridge). Every answer and every event is
// recorded, and none may contain a credential from the kubeconfig.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../electron/api/client';
import { methodNames, type PortolanApi, type PortolanBridge } from '../../electron/api/contract';
import { PortolanError } from '../../electron/api/portolan-error';
import type { NamespaceList, Transport } from '../../electron/api/types';
import { forwardEvents, registerIpcTransport } from '../../electron/main/ipc-transport';
import { createPreloadBridge } from '../../electron/preload/preload-bridge';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { startBrowserTransport } from '../../electron/serve/browser-transport-server';
import { createBrowserBridge } from '../../renderer/src/api/browser-bridge';
import { RESTRICTED_NAMESPACE, scenarioKubeconfig, type Scenario } from '../cluster/kubeconfig-scenarios';
import { createInMemoryIpc } from '../support/in-memory-ipc';
import { eventually, testClusters } from './clusters';

interface Harness {
  api: PortolanApi;
  close(): Promise<void>;
}

const set = testClusters();
let scenario: Scenario;
let kubeconfigFile: string;
/** Everything that crossed a transport towards the renderer, per transport. */
const crossed: Record<Transport, unknown[]> = { electron: [], browser: [] };

function recording(bridge: PortolanBridge, transport: Transport): PortolanBridge {
  const wrapped: Record<string, unknown> = {
    on: (event: Parameters<PortolanBridge['on']>[0], listener: (payload: unknown) => void) =>
      bridge.on(event, (payload: unknown) => {
        crossed[transport].push({ event, payload });
        listener(payload);
      }),
  };
  for (const method of methodNames) {
    const call = bridge[method] as (input: unknown) => Promise<unknown>;
    wrapped[method] = async (input: unknown) => {
      const answer = await call(input);
      crossed[transport].push({ method, answer });
      return answer;
    };
  }
  return wrapped as PortolanBridge;
}

function newCore(transport: Transport): PortolanCore {
  return createPortolanCore({
    transport,
    kubeconfigPaths: [{ path: kubeconfigFile, origin: 'env' }],
    stateDir: mkdtempSync(join(tmpdir(), 'portolan-state-')),
    connections: { healthIntervalMs: 1000, deniedRetryMs: 3000 },
  });
}

const harnesses: Record<Transport, () => Promise<Harness>> = {
  electron: async () => {
    const core = newCore('electron');
    const ipc = createInMemoryIpc();
    const unregister = registerIpcTransport(ipc.main, core, (event) => event.senderFrame?.url === ipc.frame.url);
    const stopEvents = forwardEvents(core, ipc.contents);
    return {
      api: createApiClient(recording(createPreloadBridge(ipc.renderer), 'electron')),
      close: async () => {
        stopEvents();
        unregister();
        await core.dispose();
      },
    };
  },
  browser: async () => {
    const core = newCore('browser');
    const rendererDir = mkdtempSync(join(tmpdir(), 'portolan-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const server = await startBrowserTransport({ core, rendererDir });
    const bridge = createBrowserBridge({ base: new URL(`http://127.0.0.1:${server.port}/`), token: server.token });
    return {
      api: createApiClient(recording(bridge, 'browser')),
      close: async () => {
        await server.close();
        await core.dispose();
      },
    };
  },
};

beforeAll(async () => {
  scenario = await scenarioKubeconfig(set.clusters[0]!, set.clusters[1]!);
  kubeconfigFile = join(mkdtempSync(join(tmpdir(), 'portolan-transports-')), 'kubeconfig');
  writeFileSync(kubeconfigFile, JSON.stringify(scenario.kubeconfig));
});

describe.each(['electron', 'browser'] as const)('the contract through the %s transport', (transport) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await harnesses[transport]();
  });
  afterAll(() => harness.close());

  it('answers version with the transport it came through', async () => {
    const version = await harness.api.version();
    expect(version.transport).toBe(transport);
    expect(version.node.split('.')[0]).toBe('24');
  });

  it('lists the contexts with their auth kind and problems, and no secrets', async () => {
    const list = await harness.api.listContexts();
    const byName = Object.fromEntries(list.contexts.map((c) => [c.name, c]));
    expect(list.currentContext).toBe('portolan-a');
    expect(byName['portolan-a']).toMatchObject({ authKind: 'client-certificate', current: true, problem: null, server: set.clusters[0]!.server });
    expect(byName['restricted']).toMatchObject({ authKind: 'token', namespace: RESTRICTED_NAMESPACE });
    expect(byName['basic-auth']?.authKind).toBe('basic');
    expect(byName['missing-plugin']?.authKind).toBe('exec');
    expect(byName['dangling']?.problem).toMatchObject({ code: 'context.unknownCluster', params: { cluster: 'no-such-cluster' } });
  });

  it('connects, reports states through events and calls, and lists namespaces', async () => {
    const events: string[] = [];
    const stop = harness.api.on('connectionChanged', (status) => events.push(`${status.context}:${status.state}`));
    await new Promise((r) => setTimeout(r, 300)); // the browser bridge opens its socket on the first listener
    for (const context of ['portolan-a', 'portolan-b', 'restricted', 'wrong-token', 'unreachable']) await harness.api.connect({ context });
    await eventually('every context settles', async () => {
      const states = Object.fromEntries((await harness.api.connectionStatuses()).map((s) => [s.context, s.state]));
      const wanted = { 'portolan-a': 'connected', 'portolan-b': 'connected', restricted: 'connected', 'wrong-token': 'unauthorized', unreachable: 'unreachable' };
      return Object.entries(wanted).every(([k, v]) => states[k] === v) ? true : undefined;
    });
    for (const event of ['portolan-a:connected', 'restricted:connected', 'wrong-token:unauthorized', 'unreachable:unreachable']) {
      await eventually(`event ${event}`, async () => (events.includes(event) ? true : undefined), 5000);
    }
    const namespaces = await eventually('live namespaces', async () => {
      const list = await harness.api.listNamespaces({ context: 'portolan-b' });
      return list.mode === 'live' ? list : undefined;
    });
    expect(namespaces.namespaces).toContain('kube-system');
    stop();
  });

  it('delivers namespacesChanged events for a namespace created with kubectl', async () => {
    const name = `${transport}-${Date.now().toString(36)}`;
    const seen = new Promise<NamespaceList>((resolve) => {
      const stop = harness.api.on('namespacesChanged', (list) => {
        if (list.namespaces.includes(name)) {
          stop();
          resolve(list);
        }
      });
    });
    await new Promise((r) => setTimeout(r, 300)); // the browser bridge opens its socket on the first listener
    await set.clusters[1]!.kubectl(['create', 'namespace', name]);
    expect((await seen).context).toBe('portolan-b');
  });

  it('answers access reviews', async () => {
    const access = await harness.api.servicePermissions({ context: 'restricted', namespace: RESTRICTED_NAMESPACE });
    expect(access.verbs.create.allowed).toBe(true);
    expect(access.verbs.delete.allowed).toBe(false);
  });

  it('keeps the sidebar state', async () => {
    const state = { pinned: ['portolan-b'], selected: ['portolan-a', 'portolan-b'], namespaces: { 'portolan-a': ['default'] }, groupBy: 'server' as const };
    expect(await harness.api.setUiState(state)).toEqual(state);
    expect(await harness.api.getUiState()).toEqual(state);
  });

  it('refuses invalid input with a typed error, and unknown contexts in words', async () => {
    const bad = await harness.api.connect({ context: '' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(PortolanError);
    expect(bad).toMatchObject({ code: 'invalid-input' });
    const wrongType = await harness.api.setUiState({ pinned: 'all' } as never).catch((e: unknown) => e);
    expect(wrongType).toMatchObject({ code: 'invalid-input' });
    await expect(harness.api.connect({ context: 'nope' })).rejects.toThrow(/no context named "nope"/);
    await expect(harness.api.listNamespaces({ context: 'nope' })).rejects.toMatchObject({ code: 'not-connected' });
  });
});

describe('credentials', () => {
  it('never cross either transport: no token, client key or password in any answer or event', () => {
    for (const transport of ['electron', 'browser'] as const) {
      const text = JSON.stringify(crossed[transport]);
      expect(crossed[transport].length).toBeGreaterThan(20);
      for (const secret of scenario.secrets.strings) {
        expect(secret.length).toBeGreaterThan(10);
        expect(text.includes(secret), `a secret crossed the ${transport} transport`).toBe(false);
      }
    }
  });
});
