// The Electron transport: one ipcMain.handle per contract method, events through webContents.send.
// Takes ipcMain and the window's webContents as parameters (types only from electron), so the same
// code runs in tests with an in-memory IPC pair.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { methodNames } from '../api/contract';
import { createDispatcher } from '../api/dispatcher';
import type { PortolanCore } from '../core/portolan-core';
import { channelOf, EVENT_CHANNEL } from '../api/channels';

export type HandlerIpc = Pick<IpcMain, 'handle' | 'removeHandler'>;
export type EventSink = Pick<WebContents, 'send' | 'isDestroyed'>;

export function registerIpcTransport(
  ipc: HandlerIpc, core: PortolanCore, isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  const dispatch = createDispatcher(core.handlers);
  for (const method of methodNames) {
    ipc.handle(channelOf(method), (event, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'transport', message: 'untrusted sender' } };
      return dispatch(method, input);
    });
  }
  return () => {
    for (const method of methodNames) ipc.removeHandler(channelOf(method));
  };
}

export function forwardEvents(core: PortolanCore, contents: EventSink): () => void {
  return core.events.listen((event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
}
