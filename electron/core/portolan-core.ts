// Core: everything that talks to the disk or a cluster, in plain Node (no electron import). Both
// transports (Electron IPC and the browser server) serve the handlers built here.
import type { ApiHandlers } from '../api/dispatcher';
import type { Transport } from '../api/types';
import { CoreEvents } from './core-events';
import { kubeconfigPaths } from './kubeconfig/kubeconfig-paths';
import { mergeKubeconfigs, toContextList } from './kubeconfig/merge-kubeconfigs';
import { readKubeconfigFiles } from './kubeconfig/read-kubeconfig-files';
import packageJson from '../../package.json';

export interface CoreOptions {
  transport: Transport;
  /** Kubeconfig files in kubectl's order; defaults to KUBECONFIG or ~/.kube/config. */
  kubeconfigPaths?: string[];
  electronVersion?: string | null;
}

export interface PortolanCore {
  handlers: ApiHandlers;
  events: CoreEvents;
  dispose(): Promise<void>;
}

export function createPortolanCore(options: CoreOptions): PortolanCore {
  const paths = options.kubeconfigPaths ?? kubeconfigPaths();
  const events = new CoreEvents();
  const handlers: ApiHandlers = {
    version: async () => ({
      app: packageJson.version,
      node: process.versions.node,
      electron: options.electronVersion ?? null,
      platform: process.platform,
      transport: options.transport,
    }),
    listContexts: async () => toContextList(mergeKubeconfigs(await readKubeconfigFiles(paths))),
  };
  return { handlers, events, dispose: async () => {} };
}
