// Ops staff with a 300-context kubeconfig select 30 contexts: one summary line counts them by state,
// no line per cluster while all are live, and the list starts on the first screen.
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures';

type Named = { name: string; [key: string]: unknown };

test.use({
  kubeconfig: async ({ clusters }, use) => {
    const doc = parse(readFileSync(clusters.kubeconfig, 'utf8')) as { contexts: Array<{ name: string; context: Named }>; [key: string]: unknown };
    const base = doc.contexts;
    const contexts = Array.from({ length: 300 }, (_, i) => ({ name: `ops-${String(i).padStart(3, '0')}`, context: { ...base[i % base.length]!.context } }));
    const file = join(mkdtempSync(join(tmpdir(), 'portolan-e2e-300-')), 'config');
    writeFileSync(file, JSON.stringify({ ...doc, contexts, 'current-context': 'ops-000' }));
    await use(file);
  },
});

test('30 of 300 contexts selected: one summary line, and the list on the first screen', async ({ app }) => {
  for (let i = 1; i < 30; i++) await app.getByRole('checkbox', { name: `Show ops-${String(i).padStart(3, '0')}`, exact: true }).check();
  const summary = app.getByRole('status').filter({ hasText: '30 clusters:' });
  await expect(summary).toContainText('30 live', { timeout: 60_000 });
  await expect(app.getByRole('list', { name: 'Cluster status' })).toHaveCount(0);
  const table = app.getByRole('table', { name: 'Services' });
  await expect(table.getByRole('row').nth(1)).toBeInViewport();
  expect((await table.boundingBox())!.y).toBeLessThan(300);
  await app.screenshot({ path: 'test-results/screens/list-30-clusters-en.png' });
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('status').filter({ hasText: '30 个集群：' })).toContainText('30 个实时');
  await app.screenshot({ path: 'test-results/screens/list-30-clusters-zh-CN.png' });
  await app.getByRole('combobox', { name: /Language|语言/ }).selectOption('en');
  await summary.getByRole('button', { name: 'Show all 30' }).click();
  await expect(app.getByRole('list', { name: 'Cluster status' }).getByRole('listitem')).toHaveCount(30);
});
