import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, serve, test, writeScenarioKubeconfig } from './fixtures';

const sidebarOf = (page: Page): Locator => page.getByRole('navigation', { name: 'Clusters' });
const rowOf = (page: Page, context: string): Locator =>
  sidebarOf(page).getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: `Show ${context}`, exact: true }) });

test.describe('the cluster sidebar', () => {
  test.use({ kubeconfig: async ({ clusters }, use) => use(await writeScenarioKubeconfig(clusters)) });

  test('names the state of every context: connected, unauthorized, unreachable, TLS, credentials, config', async ({ app }) => {
    const expected: Record<string, RegExp> = {
      'portolan-a': /Connected\s*v1\.\d+\.\d+ · \d+ ms/,
      'portolan-b': /Connected/,
      restricted: /Connected/,
      'wrong-token': /Unauthorized/,
      unreachable: /Unreachable/,
      'untrusted-ca': /TLS error/,
      'missing-plugin': /Credentials error/,
      'basic-auth': /Unauthorized/,
      dangling: /Config error/,
    };
    // portolan-a, the current context, is selected on first start.
    await expect(app.getByRole('checkbox', { name: 'Show portolan-a', exact: true })).toBeChecked();
    for (const context of Object.keys(expected)) {
      const box = app.getByRole('checkbox', { name: `Show ${context}`, exact: true });
      if (!(await box.isChecked())) await box.check();
    }
    for (const [context, state] of Object.entries(expected)) {
      await expect(rowOf(app, context)).toContainText(state, { timeout: 20_000 });
    }
    await expect(rowOf(app, 'unreachable')).toContainText(/connection refused \(ECONNREFUSED\)\. Check the server URL/);
    await expect(rowOf(app, 'dangling')).toContainText('points at cluster “no-such-cluster”, which no kubeconfig file defines');
    await expect(rowOf(app, 'missing-plugin')).toContainText(/portolan-test-missing-auth-plugin/);
    await expect(rowOf(app, 'wrong-token').getByRole('button', { name: 'Retry wrong-token' })).toBeVisible();
    // Eight usable clusters (dangling has no cluster): one summary line, a line each only for those that
    // need attention, all of them on demand.
    await expect(app.getByRole('status').filter({ hasText: '8 clusters:' })).toContainText('2 live', { timeout: 20_000 });
    await expect(app.getByRole('list', { name: 'Cluster status' })).not.toContainText('portolan-b');
    await app.getByRole('button', { name: 'Show all 8' }).click();
    await expect(app.getByRole('list', { name: 'Cluster status' })).toContainText('portolan-b');
    // A context that never connected says why in the list's status line, not "Loading".
    await expect(app.getByRole('list', { name: 'Cluster status' }).getByRole('listitem').filter({ hasText: 'wrong-token' }))
      .toContainText('Not connected: Unauthorized');
    await app.screenshot({ path: 'test-results/screens/sidebar-states-en.png', fullPage: true });
    await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    const zhRow = app.getByRole('navigation', { name: '集群' }).getByRole('listitem')
      .filter({ has: app.getByRole('checkbox', { name: '显示 unreachable', exact: true }) });
    await expect(zhRow).toContainText('无法访问');
    // Core's problems are said in the chosen language too; the system's own words stay as they are.
    await expect(zhRow).toContainText(/无法访问：连接被拒绝 \(ECONNREFUSED\)。请检查服务器地址/);
    const zhDangling = app.getByRole('navigation', { name: '集群' }).getByRole('listitem')
      .filter({ has: app.getByRole('checkbox', { name: '显示 dangling', exact: true }) });
    await expect(zhDangling).toContainText('指向集群“no-such-cluster”，但没有任何 kubeconfig 文件定义它');
    await app.screenshot({ path: 'test-results/screens/sidebar-states-zh-CN.png', fullPage: true });
  });

  test('follows the kubeconfig file: a context added on disk appears, a removed one goes', async ({ app, kubeconfig }) => {
    await expect(app.getByRole('checkbox', { name: 'Show portolan-b', exact: true })).toBeVisible();
    const doc = JSON.parse(readFileSync(kubeconfig, 'utf8')) as { contexts: Array<{ name: string; context: unknown }> };
    doc.contexts.push({ name: 'added-on-disk', context: { cluster: 'portolan-b', user: 'admin-b' } });
    writeFileSync(kubeconfig, JSON.stringify(doc, null, 2));
    await expect(app.getByRole('checkbox', { name: 'Show added-on-disk', exact: true })).toBeVisible({ timeout: 2500 });
    doc.contexts = doc.contexts.filter((c) => c.name !== 'portolan-b');
    writeFileSync(kubeconfig, JSON.stringify(doc, null, 2));
    await expect(app.getByRole('checkbox', { name: 'Show portolan-b', exact: true })).toHaveCount(0, { timeout: 2500 });
  });

  test('picks namespaces: live for admins, typed in where listing is forbidden', async ({ app }) => {
    await app.getByRole('checkbox', { name: 'Show restricted', exact: true }).check();
    const admin = rowOf(app, 'portolan-a');
    await admin.getByText('All namespaces').first().click();
    const adminGroup = admin.getByRole('group', { name: 'Namespaces of portolan-a' });
    await adminGroup.getByRole('checkbox', { name: 'kube-system' }).check();
    await expect(app.getByRole('list', { name: 'Cluster status' })).toContainText('kube-system');

    const restricted = rowOf(app, 'restricted');
    await expect(restricted).toContainText('Connected', { timeout: 20_000 });
    await restricted.getByText('All namespaces').first().click();
    const group = restricted.getByRole('group', { name: 'Namespaces of restricted' });
    await expect(group).toContainText('may not list namespaces');
    await expect(group.getByRole('checkbox', { name: 'team-a' })).toBeVisible();
    await group.getByRole('textbox', { name: 'Add namespace' }).fill('Bad_Name');
    await group.getByRole('button', { name: 'Add' }).click();
    await expect(group.getByRole('alert')).toContainText('lowercase letters');
    await group.getByRole('textbox', { name: 'Add namespace' }).fill('team-b');
    await group.getByRole('button', { name: 'Add' }).click();
    await expect(group.getByRole('checkbox', { name: 'team-b' })).toBeChecked();
    await app.screenshot({ path: 'test-results/screens/sidebar-namespaces-en.png', fullPage: true });
  });

  test('jumps to a context and namespace from the command palette (Ctrl+K)', async ({ app }) => {
    await expect(rowOf(app, 'portolan-a')).toContainText('Connected', { timeout: 20_000 });
    await app.getByRole('checkbox', { name: 'Show portolan-b', exact: true }).check();
    await expect(rowOf(app, 'portolan-b')).toContainText('Connected', { timeout: 20_000 });
    await app.keyboard.press('Control+K');
    const palette = app.getByRole('dialog', { name: 'Go to' });
    await expect(palette).toBeVisible();
    await palette.getByRole('combobox', { name: 'Context, namespace, Service or action' }).fill('portolan-b kube-sys');
    await expect(palette.getByRole('option')).toHaveCount(1);
    await app.screenshot({ path: 'test-results/screens/palette-en.png' });
    await app.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(app.getByRole('checkbox', { name: 'Show portolan-b', exact: true })).toBeChecked();
    // A namespace narrows its cluster; the other selected cluster stays (issue 15: it used to be dropped).
    await expect(app.getByRole('checkbox', { name: 'Show portolan-a', exact: true })).toBeChecked();
    await expect(app.getByRole('list', { name: 'Cluster status' })).toContainText('kube-system');
  });

  test('searches, groups by server, and remembers pins and selection across a restart', async ({ page, kubeconfig, clusters }) => {
    const stateDir = mkdtempSync(join(tmpdir(), 'portolan-e2e-restart-'));
    let served = await serve(kubeconfig, stateDir);
    try {
      await page.goto(served.url);
      await page.getByRole('searchbox', { name: 'Search contexts' }).fill('unreach');
      await expect(sidebarOf(page).getByRole('checkbox')).toHaveCount(1);
      await expect(sidebarOf(page)).toContainText('1 of 9');
      await page.getByRole('searchbox', { name: 'Search contexts' }).fill('');
      await page.getByRole('button', { name: 'Pin portolan-b' }).click();
      await expect(sidebarOf(page).getByRole('region', { name: 'Pinned' })).toContainText('portolan-b');
      await page.getByRole('checkbox', { name: 'Show portolan-b', exact: true }).check();
      await page.getByRole('combobox', { name: 'Group contexts by' }).selectOption('server');
      const serverGroup = sidebarOf(page).getByRole('region', { name: clusters.clusters[1]!.server, exact: true });
      await expect(serverGroup.getByRole('checkbox', { name: 'Show basic-auth' })).toBeVisible();
      await page.waitForTimeout(500); // the sidebar saves its state 200 ms after the last change
      served.process.kill('SIGTERM');

      served = await serve(kubeconfig, stateDir);
      await page.goto(served.url);
      await expect(sidebarOf(page).getByRole('region', { name: 'Pinned' })).toContainText('portolan-b');
      await expect(page.getByRole('checkbox', { name: 'Show portolan-b', exact: true })).toBeChecked();
      await expect(page.getByRole('combobox', { name: 'Group contexts by' })).toHaveValue('server');
    } finally {
      served.process.kill('SIGTERM');
    }
  });
});
