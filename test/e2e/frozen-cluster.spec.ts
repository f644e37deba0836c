// A frozen cluster (its API server stopped with SIGSTOP: connections open, no answers) shows as
// stale in the list and unreachable in the sidebar within about 10 s, in agreement, its rows carry a
// whole "stale" badge, and it is live again once it answers.
import { currentState, type TestCluster } from '../cluster/test-cluster';
import { expect, test } from './fixtures';

test('a frozen API server is stale in the list and unreachable in the sidebar within about 10 s', async ({ app, clusters }) => {
  const b = clusters.clusters[1] as TestCluster;
  await app.getByRole('checkbox', { name: 'Show portolan-b', exact: true }).check();
  const strip = app.getByRole('list', { name: 'Cluster status' }).getByRole('listitem').filter({ hasText: 'portolan-b' });
  const side = app.getByRole('navigation', { name: 'Clusters' }).getByRole('listitem').filter({ hasText: 'portolan-b' });
  await expect(strip).toContainText('Live', { timeout: 20_000 });
  const pid = currentState(b.state).processes['kube-apiserver']!.pid;
  const frozenAt = Date.now();
  process.kill(pid, 'SIGSTOP');
  try {
    await expect(strip).toContainText('Stale', { timeout: 15_000 });
    const staleAfter = Date.now() - frozenAt;
    await expect(side).toContainText('Unreachable', { timeout: 5_000 });
    console.log(`[frozen cluster] list stale after ${staleAfter} ms, sidebar unreachable after ${Date.now() - frozenAt} ms`);
    // Its rows say so in the Cluster column, and the badge is not cut ("st…").
    const badge = app.getByRole('table', { name: 'Services' }).getByText('stale', { exact: true }).first();
    await expect(badge).toBeVisible();
    expect(await badge.evaluate((el) => {
      const cell = el.closest('[role=cell]')!.getBoundingClientRect();
      const own = el.getBoundingClientRect();
      return el.scrollWidth <= el.clientWidth + 1 && own.right <= cell.right + 1;
    })).toBe(true);
    await app.screenshot({ path: 'test-results/screens/list-frozen-cluster-en.png' });
    await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(app.getByRole('table', { name: '服务' }).getByText('过时', { exact: true }).first()).toBeVisible();
    await app.screenshot({ path: 'test-results/screens/list-frozen-cluster-zh-CN.png' });
    await app.getByRole('combobox', { name: /Language|语言/ }).selectOption('en');
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  await expect(strip).toContainText('Live', { timeout: 30_000 });
  await expect(side).toContainText('Connected');
});
