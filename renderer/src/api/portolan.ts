// The only module that touches window.portolan: Electron's preload bridge when present, else the
// browser transport. Stores import `api` from here; nothing else talks to the backend.
import { createApiClient } from '../../../electron/api/client';
import type { PortolanApi } from '../../../electron/api/contract';
import { createBrowserBridge } from './browser-bridge';

/** This window's (or tab's) name towards core: its live subscriptions are tied to it. */
export const clientId: string = crypto.randomUUID();

export const api: PortolanApi = createApiClient(window.portolan ?? createBrowserBridge({ clientId }));
