// The keyboard paths people use daily: "/" to search, arrows and Enter through the list, and the
// palette (Ctrl+K) to jump to a Service or run an action, keeping focus inside it and keeping a
// multi-cluster selection when a namespace is chosen. And a Service's YAML copied or downloaded.
import type { TestCluster } from '../cluster/test-cluster';
import { expect, test } from './fixtures';

test('search with /, move through rows with arrows, open with Enter; the palette finds Services and actions', async ({ app, clusters, context }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = `e2e-keys-${Date.now().toString(36)}`;
  await a.kubectl(['create', 'namespace', ns]);
  for (const name of ['alpha', 'bravo', 'charlie']) await a.kubectl(['create', 'service', 'clusterip', name, '--tcp=80:8080', '-n', ns]);
  const table = app.getByRole('table', { name: 'Services' });
  await expect(table.getByRole('link', { name: 'charlie' })).toBeVisible({ timeout: 20_000 });

  await app.locator('body').press('/');
  await expect(app.getByRole('searchbox', { name: 'Search Services' })).toBeFocused();
  await app.keyboard.type(ns);
  await expect(table.getByRole('link')).toHaveCount(3);
  await table.getByRole('link', { name: 'alpha' }).focus();
  await app.keyboard.press('ArrowDown');
  await expect(table.getByRole('link', { name: 'bravo' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowUp');
  await expect(table.getByRole('link', { name: 'bravo' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'bravo' })).toBeVisible();

  // A Service's YAML, copied and downloaded.
  await app.getByRole('tab', { name: 'YAML' }).click();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.getByRole('button', { name: 'Copy YAML' }).click();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toContain('name: bravo');
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Download YAML' }).click();
  expect((await download).suggestedFilename()).toBe('bravo.yaml');

  // The palette: Tab stays in it; a Service by name, then Enter, opens it.
  await app.keyboard.press('Control+K');
  const palette = app.getByRole('dialog', { name: 'Go to' });
  await app.keyboard.press('Tab');
  await expect(palette.getByRole('combobox')).toBeFocused();
  await app.keyboard.type('charlie');
  await expect(palette.getByRole('option').first()).toContainText(`charlie · portolan-a/${ns}`);
  await expect(palette.getByRole('option', { name: /Port-forward charlie:80/ })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/palette-service-en.png' });
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('dialog', { name: '跳转到' }).getByRole('option', { name: /端口转发 charlie:80/ })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/palette-service-zh-CN.png' });
  await app.getByRole('combobox', { name: /Language|语言/ }).selectOption('en');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'charlie' })).toBeVisible();

  // The palette's Create Service opens the wizard.
  await app.keyboard.press('Control+K');
  await app.keyboard.type('create');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Create Service' })).toBeVisible();
});

test('choosing a namespace in the palette keeps the other selected clusters', async ({ app }) => {
  await app.getByRole('checkbox', { name: 'Show portolan-b', exact: true }).check();
  await expect(app.getByRole('list', { name: 'Cluster status' }).getByRole('listitem')).toHaveCount(2, { timeout: 20_000 });
  await app.keyboard.press('Control+K');
  await app.keyboard.type('portolan-a kube-system');
  await app.keyboard.press('Enter');
  const strip = app.getByRole('list', { name: 'Cluster status' });
  await expect(strip.getByRole('listitem').filter({ hasText: 'portolan-a' })).toContainText('kube-system');
  await expect(strip.getByRole('listitem').filter({ hasText: 'portolan-b' })).toBeVisible();
  await expect(app.getByRole('checkbox', { name: 'Show portolan-b', exact: true })).toBeChecked();
});
