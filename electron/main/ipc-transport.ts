// The Electron transport: one ipcMain.handle per contract method, events through webContents.send.
// Calls are accepted only from the app's own top frame.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { methodNames } from '../api/contract';
import { createDispatcher } from '../api/dispatcher';
import type { PortolanCore } from '../core/portolan-core';
import { channelOf, EVENT_CHANNEL } from '../preload/channels';

export function registerIpcTransport(core: PortolanCore, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  const dispatch = createDispatcher(core.handlers);
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), (event, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'transport', message: 'untrusted sender' } };
      return dispatch(method, input);
    });
  }
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(channelOf(method));
  };
}

export function forwardEvents(core: PortolanCore, contents: WebContents): () => void {
  return core.events.listen((event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
}
