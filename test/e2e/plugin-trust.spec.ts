// A kubeconfig file added in the app whose user runs an exec plugin: the sidebar shows the exact
// command and runs it only when the user allows it (English and Chinese screenshots at 1280×800).
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restrictedUserToken } from '../cluster/kubeconfig-scenarios';
import { expect, test } from './fixtures';

test('shows the command an added file asks to run, and runs it only once allowed', async ({ app, clusters }) => {
  const cluster = clusters.clusters[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'portolan-e2e-trust-'));
  const token = await restrictedUserToken(cluster);
  const plugin = join(dir, 'cloud-login');
  writeFileSync(plugin, `#!/bin/sh\necho '${JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token } })}'\n`);
  chmodSync(plugin, 0o755);
  const added = join(dir, 'team.kubeconfig');
  writeFileSync(added, JSON.stringify({
    apiVersion: 'v1', kind: 'Config',
    clusters: [{ name: 'team', cluster: { server: cluster.server, 'certificate-authority-data': readFileSync(cluster.state.pki.caCert).toString('base64') } }],
    users: [{ name: 'team', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, args: ['get-token', '--cluster=team'], interactiveMode: 'Never' } } }],
    contexts: [{ name: 'team', context: { cluster: 'team', user: 'team' } }],
  }));

  // The files list is a <details> disclosure: its <summary> has no ARIA role to find it by.
  await app.getByText(/^Kubeconfig files \(/).click();
  await app.getByRole('textbox', { name: 'Add a kubeconfig file' }).fill(added);
  await app.getByRole('button', { name: 'Add file' }).click();
  await app.getByRole('checkbox', { name: 'Show team', exact: true }).check();
  const row = app.getByRole('navigation', { name: 'Clusters' }).getByRole('listitem').filter({ has: app.getByRole('checkbox', { name: 'Show team', exact: true }) });
  await expect(row).toContainText(`${plugin} get-token --cluster=team`, { timeout: 15_000 });
  await expect(row).toContainText('Run it only if you trust that file');
  await app.screenshot({ path: 'test-results/screens/plugin-trust-en.png' });
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zhRow = app.getByRole('navigation', { name: '集群' }).getByRole('listitem').filter({ has: app.getByRole('checkbox', { name: '显示 team', exact: true }) });
  await expect(zhRow).toContainText('仅在信任该文件时运行');
  await expect(zhRow.getByRole('button', { name: '允许此命令并连接 team' })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/plugin-trust-zh-CN.png' });
  await app.getByRole('combobox', { name: '语言' }).selectOption('en');

  await row.getByRole('button', { name: 'Allow this command and connect team' }).click();
  await expect(row.getByText('Connected', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(row).not.toContainText('Run it only if you trust that file');
});
