// Port-forward from a Service's Ports tab, through kwok's kubelet to a small HTTP server this test
// runs: the local address with Open, Copy and Stop, the same forward listed in the sidebar, a request
// through it, and Stop. Screenshots in English and Chinese.
import { createServer } from 'node:http';
import type { TestCluster } from '../cluster/test-cluster';
import { expect, test } from './fixtures';
import { fetchOnce } from '../support/fetch-once';

test('forwards a Service port to this computer, lists it in the sidebar and stops it', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const server = createServer((request, response) => response.end(`hello ${request.url}`));
  await new Promise<void>((resolve) => server.listen(a.state.portForwardTarget, '127.0.0.1', resolve));
  try {
    const ns = `e2e-forward-${Date.now().toString(36)}`;
    await a.kubectl(['create', 'namespace', ns]);
    await a.kubectl(['apply', '-n', ns, '-f', '-'], JSON.stringify({
      apiVersion: 'v1', kind: 'List', items: [
        {
          apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
          spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: 8080 }] }] } } },
        },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'dns', port: 53, protocol: 'UDP' }] } },
      ],
    }));
    await app.goto(`${app.url().split('#')[0]}#/services/portolan-a/${ns}/web`);
    await app.getByRole('tab', { name: 'Ports' }).click();
    await expect(app.getByRole('tabpanel', { name: 'Ports' })).toContainText('TCP only');
    await app.getByRole('button', { name: 'Forward port 80/TCP to this computer' }).click();
    const forward = app.getByRole('tabpanel', { name: 'Ports' }).getByRole('group', { name: 'Port forward of 80/TCP' });
    const link = forward.getByRole('link', { name: /^http:\/\/127\.0\.0\.1:\d+$/ });
    await expect(link).toBeVisible({ timeout: 20_000 });
    await expect(forward).toContainText(':8080');
    const url = (await link.textContent())!;
    expect(await fetchOnce(`${url}/through-portolan`)).toBe('hello /through-portolan');
    const sidebar = app.getByRole('region', { name: 'Port forwards' });
    await expect(sidebar).toContainText('web:80');
    await expect(sidebar.getByRole('link', { name: url })).toBeVisible();
    await app.screenshot({ path: 'test-results/screens/port-forward-en.png' });
    await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(app.getByRole('region', { name: '端口转发' })).toBeVisible();
    await app.screenshot({ path: 'test-results/screens/port-forward-zh-CN.png' });
    await app.getByRole('combobox', { name: /Language|语言/ }).selectOption('en');
    await forward.getByRole('button', { name: `Stop forwarding ${url}` }).click();
    await expect(sidebar).toBeHidden();
    await expect(app.getByRole('button', { name: 'Forward port 80/TCP to this computer' })).toBeVisible();
    await expect(fetchOnce(`${url}/after-stop`)).rejects.toThrow();
  } finally {
    server.close();
  }
});
