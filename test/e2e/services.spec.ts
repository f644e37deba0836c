import type { Locator, Page } from '@playwright/test';
import type { TestCluster } from '../cluster/test-cluster';
import { stringify } from 'yaml';
import { withoutServerFields } from '../../electron/api/server-fields';
import { expect, test } from './fixtures';

const table = (page: Page): Locator => page.getByRole('table', { name: 'Services' });
const rowOf = (page: Page, name: string, context: string): Locator =>
  table(page).getByRole('row').filter({ has: page.getByRole('checkbox', { name: new RegExp(`^Select ${name} in ${context}/`) }) });

function serviceList(namespace: string, names: string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: names.map((name, i) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace, labels: { app: name, tier: i % 3 === 0 ? 'web' : 'backend' }, annotations: { 'kubesphere.io/alias-name': `服务-${name}` } },
      spec: { selector: { app: name }, ports: [{ name: 'http', port: 80 + (i % 5), targetPort: 8080 }], ...extra },
    })),
  });
}

async function showBoth(app: Page): Promise<void> {
  await app.getByRole('checkbox', { name: 'Show portolan-b', exact: true }).check();
  const strip = app.getByRole('list', { name: 'Cluster status' });
  await expect(strip.getByRole('listitem').filter({ hasText: 'portolan-a' })).toContainText('Live', { timeout: 20_000 });
  await expect(strip.getByRole('listitem').filter({ hasText: 'portolan-b' })).toContainText('Live', { timeout: 20_000 });
}

test.describe('the live Service list', () => {
  test('follows creates, changes and deletes made with kubectl in two clusters at once', async ({ app, clusters }) => {
    const [a, b] = clusters.clusters as [TestCluster, TestCluster];
    const ns = `e2e-live-${Date.now().toString(36)}`;
    await Promise.all([a, b].map((c) => c.kubectl(['create', 'namespace', ns])));
    await showBoth(app);
    await app.getByRole('searchbox', { name: 'Search Services' }).fill(ns);

    await a.kubectl(['apply', '-f', '-'], serviceList(ns, ['alpha']));
    await b.kubectl(['apply', '-f', '-'], serviceList(ns, ['beta'], { type: 'NodePort' }));
    await expect(rowOf(app, 'alpha', 'portolan-a')).toBeVisible();
    await expect(rowOf(app, 'beta', 'portolan-b')).toContainText('NodePort');
    await expect(rowOf(app, 'alpha', 'portolan-a')).toContainText('服务-alpha');

    await a.kubectl(['patch', 'service', 'alpha', '-n', ns, '-p', '{"spec":{"type":"NodePort"}}']);
    await expect(rowOf(app, 'alpha', 'portolan-a')).toContainText('NodePort');
    await b.kubectl(['delete', 'service', 'beta', '-n', ns]);
    await expect(rowOf(app, 'beta', 'portolan-b')).toHaveCount(0);
    await expect(rowOf(app, 'alpha', 'portolan-a')).toBeVisible();
  });

  test('opens a Service that follows kubectl live, with endpoints, events and YAML', async ({ app, clusters }) => {
    const [a] = clusters.clusters as [TestCluster];
    const ns = `e2e-detail-${Date.now().toString(36)}`;
    await a.kubectl(['create', 'namespace', ns]);
    await a.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=8080', '-n', ns]);
    await a.kubectl(['expose', 'deployment', 'web', '--port=80', '--target-port=8080', '-n', ns]);
    await expect(app.getByRole('list', { name: 'Cluster status' })).toContainText('Live', { timeout: 20_000 });
    await app.getByRole('searchbox', { name: 'Search Services' }).fill(ns);
    await expect(rowOf(app, 'web', 'portolan-a')).toContainText('2 / 2');
    await rowOf(app, 'web', 'portolan-a').getByRole('link', { name: 'web' }).click();

    await expect(app.getByRole('heading', { level: 1, name: 'web' })).toBeVisible();
    await expect(app.getByRole('tabpanel', { name: 'Overview' })).toContainText('Virtual IP');
    const began = Date.now();
    await a.kubectl(['annotate', 'service', 'web', '-n', ns, 'kubesphere.io/alias-name=网站']);
    await expect(app.getByRole('tabpanel', { name: 'Overview' })).toContainText('网站', { timeout: 1000 });
    console.log(`[e2e] kubectl annotate shown in the detail view after ${Date.now() - began} ms (kubectl included)`);

    await app.getByRole('tab', { name: /Endpoints/ }).click();
    const endpoints = app.getByRole('tabpanel', { name: /Endpoints/ });
    await expect(endpoints.getByRole('row')).toHaveCount(3);
    await expect(endpoints).toContainText(/web-[a-z0-9]+-[a-z0-9]+/);
    await expect(endpoints).toContainText('Running');

    await app.getByRole('tab', { name: 'YAML' }).click();
    await expect(app.getByRole('tabpanel', { name: 'YAML' }).locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
    await expect(app.getByRole('tabpanel', { name: 'YAML' })).toContainText('kind: Service');
    await app.screenshot({ path: 'test-results/screens/detail-yaml-en.png' });

    await app.getByRole('tab', { name: 'Overview' }).click();
    await app.getByRole('button', { name: 'Delete' }).click();
    const dialog = app.getByRole('dialog', { name: 'Delete 1 Service?' });
    await expect(dialog).toContainText(`portolan-a / ${ns}`);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
    await expect(rowOf(app, 'web', 'portolan-a')).toHaveCount(0);
  });

  test('deletes a selection across clusters after a confirmation that names each Service', async ({ app, clusters }) => {
    const [a, b] = clusters.clusters as [TestCluster, TestCluster];
    const ns = `e2e-batch-${Date.now().toString(36)}`;
    await Promise.all([a, b].map((c) => c.kubectl(['create', 'namespace', ns])));
    await a.kubectl(['apply', '-f', '-'], serviceList(ns, ['one', 'two']));
    await b.kubectl(['apply', '-f', '-'], serviceList(ns, ['three']));
    await showBoth(app);
    await app.getByRole('searchbox', { name: 'Search Services' }).fill(ns);
    await expect(table(app).getByRole('row')).toHaveCount(4);
    await rowOf(app, 'one', 'portolan-a').getByRole('checkbox').check();
    await rowOf(app, 'three', 'portolan-b').getByRole('checkbox').check();
    await app.getByRole('button', { name: 'Delete selected (2)' }).click();
    const dialog = app.getByRole('dialog', { name: 'Delete 2 Services?' });
    await expect(dialog).toContainText(`one portolan-a / ${ns}`);
    await expect(dialog).toContainText(`three portolan-b / ${ns}`);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(table(app).getByRole('row')).toHaveCount(2);
    await expect(rowOf(app, 'two', 'portolan-a')).toBeVisible();
  });

  test('marks a cluster stale while its API server is down, and recovers', async ({ app, clusters }) => {
    const [, b] = clusters.clusters as [TestCluster, TestCluster];
    await showBoth(app);
    const strip = app.getByRole('list', { name: 'Cluster status' }).getByRole('listitem').filter({ hasText: 'portolan-b' });
    await b.stopApiServer();
    try {
      await expect(strip).toContainText('Stale', { timeout: 20_000 });
      // The sidebar agrees at once (its health check runs every 30 s; a failing stream starts one now).
      const sidebarRow = app.getByRole('navigation', { name: 'Clusters' }).getByRole('listitem')
        .filter({ has: app.getByRole('checkbox', { name: 'Show portolan-b', exact: true }) });
      await expect(sidebarRow).toContainText('Unreachable', { timeout: 5_000 });
      await app.screenshot({ path: 'test-results/screens/list-stale-en.png' });
    } finally {
      await b.restartApiServer();
    }
    await expect(strip).toContainText('Live', { timeout: 40_000 });
  });

  test('shows a few hundred Services across two clusters (screenshot), sorted and filtered', async ({ app, clusters }) => {
    const [a, b] = clusters.clusters as [TestCluster, TestCluster];
    const ns = `e2e-many-${Date.now().toString(36)}`;
    await Promise.all([a, b].map((c) => c.kubectl(['create', 'namespace', ns])));
    const names = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
    await a.kubectl(['apply', '-f', '-'], serviceList(ns, names('checkout', 180)));
    await b.kubectl(['apply', '-f', '-'], serviceList(ns, names('catalog', 170), { type: 'NodePort' }));
    await showBoth(app);
    await app.getByRole('searchbox', { name: 'Search Services' }).fill(ns);
    await expect(app.getByRole('status').filter({ hasText: 'of' })).toContainText('350 of', { timeout: 20_000 });
    // Virtualized: far fewer rows in the DOM than Services.
    const rendered = await table(app).getByRole('row').count();
    expect(rendered).toBeLessThan(80);
    await table(app).getByRole('columnheader', { name: 'Name', exact: true }).getByRole('button').click();
    await expect(table(app).getByRole('columnheader', { name: 'Name', exact: true })).toHaveAttribute('aria-sort', 'descending');
    await app.screenshot({ path: 'test-results/screens/list-many-en.png' });
    await app.getByRole('combobox', { name: 'Filter by type' }).selectOption('node-port');
    await expect(app.getByRole('status').filter({ hasText: 'of' })).toContainText('170 of');
    await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await app.screenshot({ path: 'test-results/screens/list-many-zh-CN.png' });
  });

  test('far jumps reuse the rows\' elements, and each shows its own row: name, selection, focus', async ({ app, clusters }) => {
    const [a] = clusters.clusters as [TestCluster];
    const ns = `e2e-jump-${Date.now().toString(36)}`;
    await a.kubectl(['create', 'namespace', ns]);
    const names = Array.from({ length: 200 }, (_, i) => `far-${String(i).padStart(3, '0')}`);
    await a.kubectl(['apply', '-f', '-'], serviceList(ns, names));
    await app.getByRole('searchbox', { name: 'Search Services' }).fill(ns);
    await expect(app.getByRole('status').filter({ hasText: 'of' })).toContainText('200 of', { timeout: 20_000 });
    await rowOf(app, 'far-001', 'portolan-a').getByRole('checkbox').check();
    const body = table(app).getByRole('rowgroup').nth(1);
    /** Scrolls the rows to `top` with focus outside them; the names of the rows rendered, in order. */
    const jump = async (top: number): Promise<string[]> => {
      return body.evaluate(async (el, top) => {
        (document.activeElement as HTMLElement | null)?.blur();
        el.scrollTop = top;
        // The scroll event, then the render it causes, then the frame.
        for (let i = 0; i < 2; i += 1) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return [...el.querySelectorAll('[role=row] .st-name a')].map((link) => link.textContent ?? '');
      }, top);
    };
    // Each row rendered shows the Service at its index (rows sorted by name: far-NNN at index NNN).
    const expectInPlace = async (): Promise<void> => {
      const rows = await body.evaluate((el) => [...el.querySelectorAll('[role=row]')].map((row) => ({
        index: Number(row.getAttribute('aria-rowindex')) - 2,
        name: row.querySelector('.st-name a')?.textContent ?? '',
        checked: (row.querySelector('input[type=checkbox]') as HTMLInputElement).checked,
      })));
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) expect(row).toEqual({ index: row.index, name: names[row.index], checked: row.index === 1 });
    };
    await jump(4800);
    await expectInPlace();
    // Mark the elements now rendered: after the next far jump, the same elements show other rows.
    await body.evaluate((el) => el.querySelectorAll('[role=row]').forEach((row) => row.setAttribute('data-probe', '1')));
    const bottom = await jump(1_000_000);
    expect(bottom.at(-1)).toBe('far-199');
    expect(await body.locator('[role=row][data-probe]').count()).toBeGreaterThan(10);
    await expectInPlace();
    await jump(0);
    await expectInPlace();
    // A focused row is never reused for another one: the focus stays on its Service or leaves the table.
    await jump(4800);
    await jump(0);
    const focused = rowOf(app, 'far-003', 'portolan-a').getByRole('link', { name: 'far-003' });
    await focused.focus();
    await body.evaluate((el) => { el.scrollTop = 1_000_000; });
    await expect.poll(() => body.evaluate((el) => el.querySelector('[role=row] .st-name a')?.textContent)).not.toBe('far-000');
    const active = await app.evaluate(() => (document.activeElement?.closest('[role=row]') ? document.activeElement.textContent : null));
    expect([null, 'far-003']).toContain(active);
    await expectInPlace();
  });
});

test('edits a Service as kubectl edit does: only the change is sent, a change made meanwhile is shown and rebased', async ({ app, clusters, context }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = `e2e-edit-${Date.now().toString(36)}`;
  await a.kubectl(['create', 'namespace', ns]);
  await a.kubectl(['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '-n', ns]);
  await a.kubectl(['label', 'service', 'web', 'tier=fe', '-n', ns]);
  await app.goto(`${app.url().split('#')[0]}#/services/portolan-a/${ns}/web`);
  await app.getByRole('tab', { name: 'YAML' }).click();
  await expect(app.getByRole('tabpanel', { name: 'YAML' })).toContainText('tier: fe');
  await app.getByRole('button', { name: 'Edit YAML' }).click();
  const editor = app.getByRole('tabpanel', { name: 'YAML' }).getByRole('textbox', { name: /editable/ });
  await editor.focus();
  // The user deletes the tier label and moves port 80 to 81 (pasted, as typing into Monaco would auto-indent).
  const live = JSON.parse(await a.kubectl(['get', 'service', 'web', '-n', ns, '-o', 'json'])) as Record<string, unknown>;
  const edited = stringify(withoutServerFields(live)).replace(/^ +tier: fe\n/m, '').replace('port: 80\n', 'port: 81\n');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.evaluate((text) => navigator.clipboard.writeText(text), edited);
  await app.keyboard.press('Control+A');
  await app.keyboard.press('Control+V');
  // Someone else labels the Service before the user saves.
  await a.kubectl(['label', 'service', 'web', 'extra=yes', '-n', ns]);
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = app.getByRole('alert', { name: 'The Service changed on the cluster since you opened it.' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('region', { name: 'What changed on the cluster since you opened it' })).toBeVisible();
  await expect(conflict.getByRole('region', { name: 'Your changes' })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/detail-conflict-en.png' });
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('button', { name: '将我的更改变基到对方之上' })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/detail-conflict-zh-CN.png' });
  await app.getByRole('combobox', { name: /Language|语言/ }).selectOption('en');
  await app.getByRole('button', { name: 'Rebase my changes on theirs' }).click();
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const after = JSON.parse(await a.kubectl(['get', 'service', 'web', '-n', ns, '-o', 'json'])) as { metadata: { labels: Record<string, string> }; spec: { ports: unknown[] } };
  expect(after.metadata.labels).toEqual({ app: 'web', extra: 'yes' });
  expect(after.spec.ports).toEqual([{ name: '80-8080', port: 81, protocol: 'TCP', targetPort: 8080 }]);

  // Saving an unchanged text sends nothing.
  await app.getByRole('button', { name: 'Edit YAML' }).click();
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: 'No change: nothing was sent.' })).toBeVisible();

  // Unsaved text is never dropped without asking: not by Cancel, not by leaving the page.
  await app.getByRole('button', { name: 'Edit YAML' }).click();
  await editor.focus();
  await app.keyboard.press('Control+End');
  await app.keyboard.type('# note\n');
  await app.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByRole('alertdialog')).toContainText('Discard your changes to this Service?');
  await app.getByRole('button', { name: 'Keep editing' }).click();
  await app.getByRole('link', { name: /Back/ }).click();
  await expect(app.getByRole('alertdialog')).toContainText('Leave this page and lose your changes to this Service?');
  await app.getByRole('button', { name: 'Leave' }).click();
  await expect(app.getByRole('table', { name: 'Services' })).toBeVisible();
});

test('edits a live Service in the form, as the KubeSphere console does: only what changed is sent', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = `e2e-form-edit-${Date.now().toString(36)}`;
  await a.kubectl(['create', 'namespace', ns]);
  await a.kubectl(['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '-n', ns]);
  await a.kubectl(['annotate', 'service', 'web', 'example.com/owner=team-a', '-n', ns]);
  await app.goto(`${app.url().split('#')[0]}#/services/portolan-a/${ns}/web`);
  await app.getByRole('button', { name: 'Edit Service' }).click();
  const wizard = app.getByRole('dialog', { name: 'Edit Service web' });
  await expect(wizard).toBeVisible();
  await expect(wizard.getByRole('textbox', { name: /^Name \*/ })).toHaveValue('web');
  await expect(wizard.getByRole('textbox', { name: /^Name \*/ })).toHaveAttribute('readonly', '');
  await expect(wizard.getByRole('textbox', { name: 'Namespace' })).toHaveValue(ns);
  await wizard.getByRole('textbox', { name: 'Alias' }).fill('网站');
  await app.screenshot({ path: 'test-results/screens/detail-form-edit-en.png' });
  await wizard.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(wizard).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Saved: only what you changed was sent.' })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/detail-after-form-edit-en.png' });
  const edited = JSON.parse(await a.kubectl(['get', 'service', 'web', '-n', ns, '-o', 'json', '--show-managed-fields'])) as {
    metadata: { annotations: Record<string, string>; managedFields: Array<{ manager: string; fieldsV1: unknown }> }; spec: { ports: unknown[] };
  };
  expect(edited.metadata.annotations).toEqual({ 'example.com/owner': 'team-a', 'kubesphere.io/alias-name': '网站' });
  expect(edited.metadata.managedFields.find((m) => m.manager === 'portolan')?.fieldsV1).toEqual({ 'f:metadata': { 'f:annotations': { 'f:kubesphere.io/alias-name': {} } } });

  // Edit External Access opens on Internet Access; NodePort keeps the port as kubectl named it.
  await app.getByRole('button', { name: 'Edit External Access' }).click();
  const access = app.getByRole('dialog', { name: 'Edit Service web' });
  await expect(access.getByRole('button', { name: /Internet Access/ })).toHaveAttribute('aria-current', 'step');
  await access.getByRole('radio', { name: /NodePort/ }).check();
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await app.screenshot({ path: 'test-results/screens/detail-form-edit-access-zh-CN.png' });
  await app.getByRole('combobox', { name: /Language|语言/ }).selectOption('en');
  await access.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(access).toBeHidden();
  const exposed = JSON.parse(await a.kubectl(['get', 'service', 'web', '-n', ns, '-o', 'json'])) as { spec: { type: string; ports: Array<{ name: string; nodePort?: number }> } };
  expect(exposed.spec.type).toBe('NodePort');
  expect(exposed.spec.ports).toHaveLength(1);
  expect(exposed.spec.ports[0]).toMatchObject({ name: '80-8080', port: 80, targetPort: 8080 });
  expect(exposed.spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
});

test("a Service's page: kubectl's last-applied copy folded, Created relative and local, the common kubectl commands to copy", async ({ app, clusters, context }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = `e2e-overview-${Date.now().toString(36)}`;
  await a.kubectl(['create', 'namespace', ns]);
  // Client-side apply, as most tutorials do: it stores the whole object in an annotation.
  await a.kubectl(['apply', '-n', ns, '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', annotations: { 'example.com/team': 'shop' } }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }));
  await app.goto(`${app.url().split('#')[0]}#/services/portolan-a/${ns}/web`);
  const overview = app.getByRole('tabpanel', { name: 'Overview' });
  await expect(overview).toContainText('example.com/team: shop');
  const folded = overview.locator('details.folded');
  await expect(folded.locator('summary')).toContainText(/kubectl.kubernetes.io\/last-applied-configuration \(\d+ characters\)/);
  await expect(folded.locator('pre')).toBeHidden();
  await expect(overview).toContainText(/Created\s*\d+s ago \(/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.getByText('Copy kubectl command', { exact: true }).click();
  await app.getByRole('button', { name: 'port-forward' }).click();
  const command = `kubectl --context portolan-a -n ${ns} port-forward service/web 8080:80`;
  await expect(app.getByRole('status').filter({ hasText: 'Copied:' })).toContainText(command);
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(command);
  await app.screenshot({ path: 'test-results/screens/detail-overview-en.png' });
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('tabpanel', { name: '概览' })).toContainText(/创建时间\s*\d+秒前（/);
  await app.screenshot({ path: 'test-results/screens/detail-overview-zh-CN.png' });
});
