// `npm run serve -- [--kubeconfig FILE] [--port N] [--state-dir DIR]`: core behind the browser
// transport, for machines without a display and for the e2e tests. Prints one line:
// URL: http://127.0.0.1:<port>/?token=<token>
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { useParseWorker } from '../core/parse-worker/off-thread';
import { kubeconfigPaths, migrateLegacyKubeconfig } from '../core/kubeconfig/kubeconfig-paths';
import { createPortolanCore } from '../core/portolan-core';
import { startBrowserTransport } from './browser-transport-server';

const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string' },
    port: { type: 'string', default: '0' },
    'state-dir': { type: 'string', default: join(homedir(), '.config', 'portolan', 'serve') },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port takes a port number (0 to 65535), not "${values.port}"`);
  process.exit(2);
}

migrateLegacyKubeconfig(); // as kubectl does on every run
useParseWorker(new URL('./parse-worker.js', import.meta.url));
const core = createPortolanCore({
  transport: 'browser',
  // --kubeconfig takes a path list like KUBECONFIG does.
  kubeconfigPaths: kubeconfigPaths(values.kubeconfig ? { KUBECONFIG: values.kubeconfig } : process.env),
  stateDir: resolve(values['state-dir']),
});
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const transport = await startBrowserTransport({ core, rendererDir, port });
console.log(`URL: ${transport.url}`);

const shutdown = (): void => {
  void Promise.all([transport.close(), core.dispose()]).then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
