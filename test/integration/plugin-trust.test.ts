// Exec plugins of a kubeconfig file added inside the app run only once the user has allowed that
// exact command for that file (remembered across restarts); those of KUBECONFIG run as kubectl runs
// them. A changed command asks again.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../electron/api/types';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';
import { restrictedUserToken } from '../cluster/kubeconfig-scenarios';
import { eventually, testClusters } from './clusters';

const cluster = testClusters().clusters[0]!;
let core: PortolanCore | null = null;
afterEach(async () => {
  await core?.dispose();
  core = null;
});

function kubeconfigWithPlugin(dir: string, name: string, plugin: string, args: string[]): string {
  const ca = readFileSync(cluster.state.pki.caCert).toString('base64');
  const file = join(dir, `${name}.kubeconfig`);
  writeFileSync(file, JSON.stringify({
    apiVersion: 'v1', kind: 'Config',
    clusters: [{ name, cluster: { server: cluster.server, 'certificate-authority-data': ca } }],
    users: [{ name, user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, args, interactiveMode: 'Never' } } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
  }));
  return file;
}

async function statusOf(c: PortolanCore, context: string, wanted: (s: ConnectionStatus) => boolean): Promise<ConnectionStatus> {
  await c.handlers.connect({ context });
  return eventually(`${context} status`, async () => (await c.handlers.connectionStatuses(undefined)).find((s) => s.context === context && wanted(s)));
}

it('asks before running a plugin of an added file, remembers the answer, and asks again when the command changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-trust-'));
  const token = await restrictedUserToken(cluster);
  const plugin = join(dir, 'plugin');
  const ran = join(dir, 'ran');
  writeFileSync(plugin, `#!/bin/sh\necho "$1" >> "${ran}"\necho '${JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token } })}'\n`);
  chmodSync(plugin, 0o755);
  const fromEnv = kubeconfigWithPlugin(dir, 'from-env', plugin, ['env']);
  const added = kubeconfigWithPlugin(dir, 'added', plugin, ['added', '--flag=a b']);
  const stateDir = join(dir, 'state');
  const start = async (): Promise<PortolanCore> => {
    core = createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: fromEnv, origin: 'env' }], stateDir, connections: { deniedRetryMs: 500 } });
    await core.ready;
    return core;
  };

  let c = await start();
  await c.handlers.addKubeconfigFile({ path: added });
  // KUBECONFIG's plugin runs as kubectl would run it.
  await statusOf(c, 'from-env', (s) => s.state === 'connected');
  // The added file's does not run; the status names the file and the exact command.
  const asking = await statusOf(c, 'added', (s) => s.state === 'auth-error');
  expect(asking.problem).toEqual({ code: 'connection.untrustedPlugin', params: { file: added, command: `${plugin} added "--flag=a b"` } });
  expect(readFileSync(ran, 'utf8').trim().split('\n')).toEqual(['env']);

  await c.handlers.trustExecPlugin({ context: 'added', file: added, command: asking.problem!.params.command! });
  await statusOf(c, 'added', (s) => s.state === 'connected');
  expect(readFileSync(ran, 'utf8')).toContain('added');
  await c.dispose();

  // Remembered across a restart.
  rmSync(ran);
  c = await start();
  await statusOf(c, 'added', (s) => s.state === 'connected');
  expect(existsSync(ran)).toBe(true);
  await c.dispose();

  // The file now asks for another command: asked again, nothing run.
  kubeconfigWithPlugin(dir, 'added', plugin, ['something-else']);
  rmSync(ran);
  c = await start();
  const again = await statusOf(c, 'added', (s) => s.state === 'auth-error');
  expect(again.problem?.params.command).toBe(`${plugin} something-else`);
  expect(existsSync(ran)).toBe(false);
  await expect(c.handlers.trustExecPlugin({ context: 'from-env', file: fromEnv, command: 'x' })).rejects.toThrow(/was not added in Portolan/);
}, 90_000);
