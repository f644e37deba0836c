// The only module that touches window.portolan: Electron's preload bridge when present, else the
// browser transport. Only stores and use-*.ts composables import `api` from here (eslint.config.js).
import { createApiClient } from '../../../electron/api/client';
import type { PortolanApi } from '../../../electron/api/contract';
import { createBrowserBridge } from './browser-bridge';
import { liveSubscriptions, type Subscribe } from './live';

/** This window's (or tab's) name towards core: its live subscriptions are tied to it. */
export const clientId: string = crypto.randomUUID();

export const api: PortolanApi = createApiClient(window.portolan ?? createBrowserBridge({ clientId }));

/** Live subscriptions of this page (see live.ts). */
export const subscribe: Subscribe = liveSubscriptions(api, clientId);
