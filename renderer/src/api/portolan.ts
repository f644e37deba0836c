// The only module that touches window.portolan: Electron's preload bridge when present, else the
// browser transport. Stores import `api` from here; nothing else talks to the backend.
import { createApiClient } from '../../../electron/api/client';
import type { PortolanApi } from '../../../electron/api/contract';
import { createBrowserBridge } from './browser-bridge';

export const api: PortolanApi = createApiClient(window.portolan ?? createBrowserBridge());
