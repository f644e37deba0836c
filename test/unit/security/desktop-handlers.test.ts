// The desktop app takes kubeconfig files only from the system's open dialog that main runs: a path the
// page sends is refused, a chosen file is added, a cancelled dialog changes nothing. Through the
// Electron transport (in-memory IPC), as the window would call it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/api/client';
import { createPortolanCore } from '../../../electron/core/portolan-core';
import { desktopHandlers } from '../../../electron/main/desktop-handlers';
import { registerIpcTransport } from '../../../electron/main/ipc-transport';
import { createPreloadBridge } from '../../../electron/preload/preload-bridge';
import { createInMemoryIpc } from '../../support/in-memory-ipc';

const dir = mkdtempSync(join(tmpdir(), 'portolan-desktop-'));
const chosenFile = join(dir, 'chosen.yaml');
writeFileSync(chosenFile, 'apiVersion: v1\nkind: Config\ncontexts: [{name: chosen, context: {cluster: c}}]\n');
const core = createPortolanCore({ transport: 'electron', kubeconfigPaths: [{ path: join(dir, 'none'), origin: 'env' }], stateDir: join(dir, 'state') });
afterAll(() => core.dispose());

let answer: string | null = null;
const ipc = createInMemoryIpc();
registerIpcTransport(ipc.main, { ...core, handlers: desktopHandlers(core.handlers, async () => answer) }, () => true);
const api = createApiClient(createPreloadBridge(ipc.renderer));

describe('kubeconfig files in the desktop app', () => {
  it('refuses a path sent by the page', async () => {
    await expect(api.addKubeconfigFile({ path: chosenFile })).rejects.toThrow(/chosen in the open dialog/);
  });
  it('adds the file chosen in the dialog, and nothing when it is cancelled', async () => {
    answer = null;
    expect(await api.chooseKubeconfigFile()).toBeNull();
    answer = chosenFile;
    const list = await api.chooseKubeconfigFile();
    expect(list?.contexts.map((c) => c.name)).toEqual(['chosen']);
    expect(list?.files.find((f) => f.path === chosenFile)?.origin).toBe('added');
  });
  it('has no dialog over the browser transport: there the page types the path', async () => {
    await expect(core.handlers.chooseKubeconfigFile(undefined)).rejects.toThrow(/desktop app/);
  });
});
