// The list at 1280×800 with scrollbars shown (headless Chromium hides them unless told): with two
// clusters selected, the default columns fit without any horizontal scrolling, columns can be hidden,
// shown and resized (remembered across a reload), and a long name is cut with its whole text on hover.
import type { Page } from '@playwright/test';
import type { TestCluster } from '../cluster/test-cluster';
import { expect, test } from './fixtures';

test.use({
  launchOptions: {
    executablePath: process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    ignoreDefaultArgs: ['--hide-scrollbars'],
  },
});

const overflow = (app: Page) => app.evaluate(() => {
  const table = document.querySelector('.service-table')!;
  return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: table.scrollWidth - table.clientWidth };
});

test('fits 1280 px with two clusters and scrollbars shown; columns chosen and resized are remembered', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const long = `a-rather-long-service-name-${Date.now().toString(36)}-that-does-not-fit`.slice(0, 63);
  await a.kubectl(['create', 'service', 'clusterip', long, '--tcp=80:8080', '-n', 'default']);
  await app.getByRole('checkbox', { name: 'Show portolan-b', exact: true }).check();
  const table = app.getByRole('table', { name: 'Services' });
  await expect(table.getByRole('columnheader', { name: 'Cluster', exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('link', { name: long })).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('columnheader', { name: 'Age' })).toBeInViewport();
  expect(await overflow(app)).toEqual({ page: 0, table: 0 });
  await expect(table.getByRole('link', { name: long })).toHaveAttribute('title', long);
  await app.screenshot({ path: 'test-results/screens/list-fit-two-clusters-en.png' });

  // Hide Cluster IP, show Selector, widen Name with the keyboard: all kept after a reload.
  await app.getByText('Columns', { exact: true }).click();
  await app.getByRole('checkbox', { name: 'Cluster IP' }).uncheck();
  await app.getByRole('checkbox', { name: 'Selector' }).check();
  await expect(table.getByRole('columnheader', { name: 'Cluster IP' })).toHaveCount(0);
  await expect(table.getByRole('columnheader', { name: 'Selector' })).toBeVisible();
  const separator = table.getByRole('separator', { name: 'Resize the Name column (left and right arrows)' });
  const before = (await table.getByRole('columnheader', { name: 'Name', exact: true }).boundingBox())!.width;
  await separator.focus();
  for (let i = 0; i < 5; i++) await app.keyboard.press('ArrowRight');
  const after = (await table.getByRole('columnheader', { name: 'Name', exact: true }).boundingBox())!.width;
  expect(after).toBeGreaterThan(before + 30);
  await app.reload();
  await expect(table.getByRole('columnheader', { name: 'Selector' })).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('columnheader', { name: 'Cluster IP' })).toHaveCount(0);
  expect(Math.round((await table.getByRole('columnheader', { name: 'Name', exact: true }).boundingBox())!.width)).toBe(Math.round(after));
  await app.getByText('Columns', { exact: true }).click();
  await app.getByRole('button', { name: 'Default columns' }).click();
  await expect(table.getByRole('columnheader', { name: 'Cluster IP' })).toBeVisible();
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  // The menu stays open, now in Chinese.
  await expect(app.getByRole('button', { name: '默认列' })).toBeVisible();
  expect(await overflow(app)).toEqual({ page: 0, table: 0 });
  await app.screenshot({ path: 'test-results/screens/list-fit-two-clusters-zh-CN.png' });
});
