import { expect, test } from './fixtures';

test('the served app shows its main landmark, the cluster sidebar and the test contexts', async ({ app }) => {
  await expect(app.getByRole('main')).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
  const sidebar = app.getByRole('navigation', { name: 'Clusters' });
  await expect(sidebar).toBeVisible();
  await expect(sidebar.getByText('portolan-a', { exact: true })).toBeVisible();
  await expect(sidebar.getByText('portolan-b', { exact: true })).toBeVisible();
  await expect(app.getByText(/Portolan \S+ · Node 24\.\d+\.\d+ · browser/)).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/app-shell-en.png' });
});

test('the language switch turns every visible string to Simplified Chinese', async ({ app }) => {
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('heading', { level: 1, name: '服务' })).toBeVisible();
  await expect(app.getByRole('navigation', { name: '集群' })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await app.screenshot({ path: 'test-results/screens/app-shell-zh-CN.png' });
});

test('the page runs under its Content-Security-Policy without violations', async ({ page, app }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await app.reload();
  await expect(app.getByRole('main')).toBeVisible();
  expect(violations).toEqual([]);
});
