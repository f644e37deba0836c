// Exposes exactly the contract (one function per method, plus `on`) to the renderer. Nothing else of
// Electron or Node reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME } from '../api/contract';
import { createPreloadBridge } from './preload-bridge';

contextBridge.exposeInMainWorld(BRIDGE_NAME, createPreloadBridge(ipcRenderer));
