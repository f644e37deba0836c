// axe-core checks every screen: the list with the sidebar, a Service's detail, each wizard step,
// edit mode and the dry-run review. Any violation fails the test, with its rule and elements named.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { TestCluster } from '../cluster/test-cluster';
import { expect, test, writeScenarioKubeconfig } from './fixtures';
import { freshNamespace, openWizard } from './wizard-steps';

// Every rule everywhere, except that Monaco's syntax and line-number colours (its theme, not ours) are
// left out of the contrast rule; every other rule still applies inside the editors.
async function violations(app: Page, where: string): Promise<string[]> {
  const ours = await new AxeBuilder({ page: app }).exclude('.monaco-editor').analyze();
  const editors = await app.locator('.monaco-editor').count() > 0
    ? (await new AxeBuilder({ page: app }).include('.monaco-editor').disableRules(['color-contrast']).analyze()).violations
    : [];
  return [...ours.violations, ...editors]
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

test('the list, a detail view and every wizard screen pass axe', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = await freshNamespace(a, 'e2e-axe');
  await a.kubectl(['create', 'deployment', 'web', '--image=nginx', '--port=8080', '-n', ns]);
  await a.kubectl(['expose', 'deployment', 'web', '--port=80', '-n', ns]);
  const found: string[] = [];

  await expect(app.getByRole('list', { name: 'Cluster status' })).toContainText('Live', { timeout: 20_000 });
  await app.getByRole('searchbox', { name: 'Search Services' }).fill(ns);
  await expect(app.getByRole('table', { name: 'Services' }).getByRole('link', { name: 'web', exact: true })).toBeVisible();
  found.push(...await violations(app, 'list'));

  await app.getByRole('table', { name: 'Services' }).getByRole('link', { name: 'web', exact: true }).click();
  await expect(app.getByRole('tabpanel', { name: 'Overview' })).toBeVisible();
  found.push(...await violations(app, 'detail'));
  await app.getByRole('link', { name: /Back to Services/ }).click();

  const wizard = await openWizard(app, ns);
  for (const step of ['Basic Information', 'Service Settings', 'Label Settings', 'Internet Access']) {
    await wizard.getByRole('button', { name: new RegExp(step) }).click();
    if (step === 'Service Settings') await wizard.getByRole('combobox', { name: 'Specify workload' }).selectOption('Deployment/web');
    if (step === 'Internet Access') await wizard.getByRole('radio', { name: /LoadBalancer/ }).check();
    found.push(...await violations(app, `wizard ${step}`));
  }
  await wizard.getByRole('button', { name: /Basic Information/ }).click();
  await wizard.getByRole('textbox', { name: /^Name/ }).fill('web-public');
  await wizard.getByRole('button', { name: 'Edit Mode' }).click();
  await expect(wizard.getByRole('textbox', { name: 'Service manifest' })).toBeAttached({ timeout: 15_000 });
  found.push(...await violations(app, 'wizard edit mode'));
  await wizard.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(wizard.getByRole('heading', { name: 'What the cluster would store' })).toBeVisible();
  found.push(...await violations(app, 'wizard dry run'));

  expect(found).toEqual([]);
});

test.describe('with contexts in every state', () => {
  test.use({ kubeconfig: async ({ clusters }, use) => use(await writeScenarioKubeconfig(clusters)) });

  test('the sidebar with its problems, the namespace picker, the palette and the delete dialog pass axe, in both languages', async ({ app }) => {
    const found: string[] = [];
    for (const name of ['portolan-b', 'restricted', 'wrong-token', 'unreachable', 'untrusted-ca', 'missing-plugin', 'dangling']) {
      await app.getByRole('checkbox', { name: `Show ${name}`, exact: true }).check();
    }
    const sidebar = app.getByRole('navigation', { name: 'Clusters' });
    await expect(sidebar.getByRole('listitem').filter({ hasText: 'wrong-token' })).toContainText('Unauthorized', { timeout: 20_000 });
    await expect(sidebar.getByRole('listitem').filter({ hasText: 'untrusted-ca' })).toContainText('TLS error', { timeout: 20_000 });
    await sidebar.getByRole('listitem').filter({ hasText: 'restricted' }).getByText('All namespaces').first().click();
    found.push(...await violations(app, 'sidebar'));

    await app.getByRole('table', { name: 'Services' }).getByRole('checkbox').nth(1).check();
    await app.getByRole('button', { name: /Delete selected/ }).click();
    await expect(app.getByRole('dialog')).toBeVisible();
    found.push(...await violations(app, 'delete dialog'));
    await app.keyboard.press('Escape');

    await app.keyboard.press('Control+K');
    await expect(app.getByRole('dialog', { name: 'Go to' })).toBeVisible();
    found.push(...await violations(app, 'palette'));
    await app.keyboard.press('Escape');

    await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(app.getByRole('navigation', { name: '集群' })).toBeVisible();
    found.push(...await violations(app, 'sidebar zh-CN'));
    expect(found).toEqual([]);
  });
});
