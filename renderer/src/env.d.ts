/// <reference types="vite/client" />
import type { PortolanBridge } from '../../electron/api/contract';

declare global {
  interface Window {
    /** Present in Electron (exposed by the preload); absent in a browser, where the HTTP bridge is used. */
    portolan?: PortolanBridge;
  }
}

export {};
