// Empty and disabled states say why: with only a wrong-token context selected the list does not say
// "no Services" (it could not list any), and Create Service says it will save a draft.
import { expect, test, writeScenarioKubeconfig } from './fixtures';

test.use({ kubeconfig: async ({ clusters }, use) => use(await writeScenarioKubeconfig(clusters)) });

test('a selected cluster that cannot be listed is said to be so, and Create offers a draft instead', async ({ app }) => {
  await app.getByRole('checkbox', { name: 'Show wrong-token', exact: true }).check();
  await app.getByRole('checkbox', { name: 'Show portolan-a', exact: true }).uncheck();
  await expect(app.getByRole('status').filter({ hasText: 'No Services could be listed' })).toContainText('wrong-token', { timeout: 20_000 });
  await expect(app.getByText('No Services in the selected clusters and namespaces.')).toHaveCount(0);
  const create = app.getByRole('button', { name: 'Create Service' });
  await expect(create).toBeEnabled();
  await expect(create).toHaveAccessibleDescription('No selected cluster answers: the wizard saves the Service as a draft, to apply later.');
  await app.screenshot({ path: 'test-results/screens/list-none-listed-en.png' });
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('status').filter({ hasText: '无法列出服务' })).toContainText('wrong-token');
  await app.screenshot({ path: 'test-results/screens/list-none-listed-zh-CN.png' });
});

test('a deselected context that cannot connect stops retrying and says Not connected steadily', async ({ app }) => {
  const box = app.getByRole('checkbox', { name: 'Show unreachable', exact: true });
  const row = app.getByRole('navigation', { name: 'Clusters' }).getByRole('listitem').filter({ has: box });
  await box.check();
  await expect(row).toContainText('Unreachable', { timeout: 20_000 });
  await box.uncheck();
  await expect(row).toContainText('Not connected');
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    seen.add((await row.textContent())?.includes('Unreachable') ? 'Unreachable' : 'Not connected');
    await app.waitForTimeout(500);
  }
  expect([...seen]).toEqual(['Not connected']);
  // Selected again, it connects again (and says why it cannot).
  await box.check();
  await expect(row).toContainText('Unreachable', { timeout: 20_000 });
});

test("a Service's page on an unreachable context stops saying Loading and says it could not reach it", async ({ app }) => {
  await app.goto(`${app.url().split('#')[0]}#/services/unreachable/default/web`);
  await expect(app.getByText(/^Loading web/)).toHaveCount(0);
  const gaveUp = app.getByRole('alert').filter({ hasText: 'Could not reach unreachable to show this Service' });
  await expect(gaveUp).toBeVisible({ timeout: 45_000 });
  await expect(gaveUp.getByRole('button', { name: 'Try again' })).toBeVisible();
});
