// The bridge the preload exposes: one function per contract method, plus `on`. Takes ipcRenderer as a
// parameter so the same code runs in tests with an in-memory IPC pair.
import type { IpcRenderer } from 'electron';
import { methodNames, type EventName, type PortolanBridge } from '../api/contract';
import { channelOf, EVENT_CHANNEL } from '../api/channels';

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createPreloadBridge(ipc: BridgeIpc): PortolanBridge {
  const bridge: Record<string, unknown> = {
    on(event: EventName, listener: (payload: unknown) => void) {
      const handler = (_: unknown, name: unknown, payload: unknown): void => {
        if (name === event) listener(payload);
      };
      ipc.on(EVENT_CHANNEL, handler);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, handler);
      };
    },
  };
  for (const method of methodNames) {
    bridge[method] = (input: unknown) => ipc.invoke(channelOf(method), input);
  }
  return bridge as PortolanBridge;
}
