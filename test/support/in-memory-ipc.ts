// An in-memory ipcMain/ipcRenderer pair with Electron's semantics where they matter here: every
// argument and result is structured-cloned (as IPC serializes it), handlers get an event with a
// sender frame, and webContents.send reaches the renderer's listeners.
import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import type { EventSink, HandlerIpc } from '../../electron/main/ipc-transport';
import type { BridgeIpc } from '../../electron/preload/preload-bridge';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export interface InMemoryIpc {
  main: HandlerIpc;
  renderer: BridgeIpc;
  contents: EventSink;
  /** The frame the renderer's calls come from. */
  frame: { url: string };
}

export function createInMemoryIpc(frameUrl = 'app://portolan/index.html'): InMemoryIpc {
  const handlers = new Map<string, Handler>();
  const rendererSide = new EventEmitter();
  const frame = { url: frameUrl };
  const main: HandlerIpc = {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => {
      handlers.delete(channel);
    },
  } as HandlerIpc;
  const renderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
      const event = { senderFrame: frame, sender: {} } as unknown as IpcMainInvokeEvent;
      return structuredClone(await handler(event, ...structuredClone(args)));
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      rendererSide.on(channel, listener);
      return renderer;
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      rendererSide.removeListener(channel, listener);
      return renderer;
    },
  } as unknown as BridgeIpc;
  const contents = {
    send: (channel: string, ...args: unknown[]) => {
      rendererSide.emit(channel, {}, ...structuredClone(args));
    },
    isDestroyed: () => false,
  } as EventSink;
  return { main, renderer, contents, frame };
}
