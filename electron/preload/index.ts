// Exposes exactly the contract (one function per method, plus `on`) to the renderer. Nothing else of
// Electron or Node reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, methodNames, type EventName } from '../api/contract';
import { channelOf, EVENT_CHANNEL } from './channels';

const bridge: Record<string, unknown> = {
  on(event: EventName, listener: (payload: unknown) => void) {
    const handler = (_: unknown, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
};
for (const method of methodNames) {
  bridge[method] = (input: unknown) => ipcRenderer.invoke(channelOf(method), input);
}

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
