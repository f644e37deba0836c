// A new user with no kubeconfig drafts a Service offline through the wizard (edit mode included),
// finds the draft after a restart, adds the test clusters' kubeconfig, applies the draft to both
// clusters with a dry run first, and sees both results and the Service in both lists. Clicking a
// context's name shows that context alone.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, serve, test } from './fixtures';
import { appendInEditor, editorText } from './wizard-steps';

const scrollbars = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  ignoreDefaultArgs: ['--hide-scrollbars'],
};
test.use({ viewport: { width: 1280, height: 800 }, launchOptions: scrollbars });

test('drafts offline with no kubeconfig, then applies the draft to two clusters', async ({ page, clusters }) => {
  test.setTimeout(120_000);
  const stateDir = mkdtempSync(join(tmpdir(), 'portolan-e2e-drafts-'));
  const nowhere = join(stateDir, 'no-kubeconfig-here');
  const name = `drafted-${Date.now().toString(36)}`;
  let served = await serve(nowhere, stateDir);
  try {
    await page.goto(served.url);
    // No cluster at all: the page still offers to draft a Service.
    await expect(page.getByRole('link', { name: 'Open drafts' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/no-cluster-en.png' });
    await page.getByRole('button', { name: 'Create Service (as a draft)' }).click();
    const wizard = page.getByRole('dialog', { name: 'Create Service' });
    await expect(wizard).toContainText('No cluster (draft)');
    await wizard.getByRole('textbox', { name: 'Name *', exact: true }).fill(name);
    await wizard.getByRole('textbox', { name: 'Alias' }).fill('Drafted offline');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByRole('note').filter({ hasText: 'type the selector labels by hand' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/wizard-offline-settings-en.png' });
    await wizard.getByRole('button', { name: 'Add Selector' }).click();
    await wizard.getByRole('textbox', { name: 'Selector Key 1' }).fill('app');
    await wizard.getByRole('textbox', { name: 'Selector Value 1' }).fill(name);
    await wizard.getByRole('spinbutton', { name: 'Service port 1' }).fill('80');
    // Edit mode offline, in JSON and YAML: the bundled schema says its version; a comment typed there is kept in the file.
    await wizard.getByRole('button', { name: 'Edit Mode' }).click();
    await expect(wizard.getByText(/schema bundled with Portolan \(Kubernetes v1\.\d+/)).toBeVisible();
    await wizard.getByRole('radio', { name: 'JSON' }).check();
    await expect(editorText(wizard)).toContainText(`"name": "${name}"`);
    await wizard.getByRole('radio', { name: 'YAML' }).check();
    await wizard.getByRole('button', { name: 'Back to the form' }).click();
    await appendInEditor(page, wizard, '\n# reviewed offline\n');
    await expect(editorText(wizard)).toContainText(`name: ${name}`);
    await wizard.getByRole('button', { name: 'Save as draft' }).click();
    await expect(wizard.getByRole('status').filter({ hasText: `Saved as draft ${name}.yaml` })).toBeVisible();
    await wizard.getByRole('button', { name: 'Close' }).click(); // saved: nothing to lose, no question
    await expect(wizard).toBeHidden();

    // Restart the app: the draft is a file in the data folder.
    served.process.kill('SIGTERM');
    served = await serve(nowhere, stateDir);
    await page.goto(served.url);
    await page.getByRole('link', { name: /^Drafts/ }).click();
    const row = page.locator(`tr[data-file="${name}.yaml"]`);
    await expect(row).toContainText('Drafted offline');
    await expect(row).toContainText('ClusterIP');
    const file = join(stateDir, 'drafts', `${name}.yaml`);
    expect(readFileSync(file, 'utf8')).toMatch(/# reviewed offline\n$/);

    // Open it back in the wizard; another editor changes the file meanwhile: the wizard says so and reloads on request.
    await row.getByRole('button', { name: `Open ${name}.yaml` }).click();
    await expect(wizard.getByRole('textbox', { name: 'Alias' })).toHaveValue('Drafted offline');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Drafted offline', 'Edited elsewhere'));
    await expect(wizard.getByRole('alert').filter({ hasText: 'changed on disk since you opened it' })).toBeVisible();
    await wizard.getByRole('button', { name: 'Reload from disk' }).click();
    await expect(wizard.getByRole('textbox', { name: 'Alias' })).toHaveValue('Edited elsewhere');
    await wizard.getByRole('button', { name: 'Close' }).click();
    await expect(wizard).toBeHidden();
    await expect(row).toContainText('Edited elsewhere');

    // Add the test clusters' kubeconfig, then apply to both.
    await page.getByRole('textbox', { name: 'Add a kubeconfig file' }).fill(clusters.kubeconfig);
    await page.getByRole('button', { name: 'Add file' }).click();
    await expect(page.getByRole('button', { name: 'portolan-b', exact: true })).toBeVisible();
    await row.getByRole('button', { name: `Apply ${name}.yaml to clusters` }).click();
    const dialog = page.getByRole('dialog', { name: `Apply ${name}.yaml to clusters` });
    await dialog.getByRole('checkbox', { name: 'Apply to portolan-a' }).check();
    await dialog.getByRole('checkbox', { name: 'Apply to portolan-b' }).check();
    await dialog.getByRole('button', { name: 'Preview (2 targets)' }).click();
    // The results by their cell (the dialog's name changes with the language).
    const result = (context: string) => page.locator(`td.apply-result[data-context="${context}"]`);
    await expect(result('portolan-a')).toContainText('Would be created', { timeout: 20_000 });
    await expect(result('portolan-b')).toContainText('Would be created');
    await dialog.getByRole('button', { name: 'Show the diff for portolan-a' }).click();
    await expect(dialog.getByRole('region', { name: 'What is live on portolan-a and what the apply would leave' })).toBeVisible();
    await page.waitForTimeout(800); // Monaco paints the diff
    await page.screenshot({ path: 'test-results/screens/drafts-apply-preview-en.png' });
    await dialog.getByRole('button', { name: 'Apply to 2 targets' }).click();
    await expect(result('portolan-a')).toHaveText(/^Created$/, { timeout: 20_000 });
    await expect(result('portolan-b')).toHaveText(/^Created$/);
    await expect(dialog.getByRole('status').filter({ hasText: '2 created' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(result('portolan-a')).toHaveText('已创建');
    await page.screenshot({ path: 'test-results/screens/drafts-apply-zh-CN.png' });
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(result('portolan-a')).toHaveText('Created');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(row).toContainText('portolan-a: created');
    await expect(row).toContainText('portolan-b: created');
    await page.screenshot({ path: 'test-results/screens/drafts-view-en.png' });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(row).toContainText('portolan-a：已创建');
    await page.screenshot({ path: 'test-results/screens/drafts-view-zh-CN.png' });
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');

    // The context's name shows it alone; the checkbox adds the other to the view.
    await page.getByRole('button', { name: 'portolan-a', exact: true }).click();
    // Other tests leave many Services in these clusters: search, so the rows are in view of the virtual list.
    await page.getByRole('searchbox', { name: 'Search Services' }).fill(name);
    const table = page.getByRole('table', { name: 'Services' });
    await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(1, { timeout: 20_000 });
    await expect(page.getByRole('checkbox', { name: 'Show portolan-a', exact: true })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Show portolan-b', exact: true })).not.toBeChecked();
    await page.getByRole('checkbox', { name: 'Show portolan-b', exact: true }).check();
    await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(2, { timeout: 20_000 });
    await page.getByRole('button', { name: 'portolan-b', exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Show portolan-a', exact: true })).not.toBeChecked();
    await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(1);
  } finally {
    served.process.kill('SIGTERM');
  }
});

test('compares one Service across two clusters and applies one cluster\'s version to the other', async ({ app, clusters }) => {
  test.setTimeout(90_000);
  const [a, b] = clusters.clusters;
  const name = `twin-${Date.now().toString(36)}`;
  // The same port, forwarded to another target port on b. (Ports are merged by port and protocol in a
  // server-side apply: a port only b had would stay, next to a's.)
  const service = (targetPort: number): string => JSON.stringify({
    apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort }] },
  });
  await Promise.all([a!.kubectl(['apply', '-f', '-'], service(8080)), b!.kubectl(['apply', '-f', '-'], service(9090))]);
  await app.getByRole('checkbox', { name: 'Show portolan-b', exact: true }).check();
  await app.getByRole('searchbox', { name: 'Search Services' }).fill(name);
  const table = app.getByRole('table', { name: 'Services' });
  await expect(table.getByRole('link', { name, exact: true })).toHaveCount(2, { timeout: 20_000 });
  await table.getByRole('row').filter({ hasText: 'portolan-a' }).getByRole('link', { name, exact: true }).click();
  // The detail view lists, live, the Ingresses that route to the Service.
  await app.getByRole('tab', { name: 'Routes (0)' }).click();
  await expect(app.getByText('No Ingress or HTTPRoute sends traffic to this Service.')).toBeVisible();
  await a!.kubectl(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: `${name}-in`, namespace: 'default' },
    spec: { rules: [{ host: 'twin.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 80 } } } }] } }] },
  }));
  await expect(app.getByRole('tab', { name: 'Routes (1)' })).toBeVisible({ timeout: 15_000 });
  await expect(app.getByRole('tabpanel', { name: 'Routes (1)' })).toContainText('twin.example.com/ → :80');
  await app.screenshot({ path: 'test-results/screens/detail-routes-en.png' });
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('tab', { name: '路由 (1)' })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/detail-routes-zh-CN.png' });
  await app.getByRole('combobox', { name: '语言' }).selectOption('en');
  await app.getByRole('button', { name: 'Compare across 2 clusters' }).click();
  const compare = app.getByRole('dialog', { name: `${name} in default, across clusters` });
  await expect(compare.getByRole('row', { name: /portolan-b/ })).toContainText('Differs', { timeout: 15_000 });
  await expect(compare.getByRole('row', { name: /portolan-a/ })).toContainText('Compared against');
  await expect(compare.getByRole('region', { name: /portolan-a on the left, portolan-b on the right/ })).toBeVisible();
  await app.waitForTimeout(800); // Monaco paints the diff
  await app.screenshot({ path: 'test-results/screens/compare-clusters-en.png' });
  await compare.getByRole('button', { name: 'Save portolan-a’s version as a draft and apply it…' }).click();

  const dialog = app.getByRole('dialog', { name: `Apply ${name}.yaml to clusters` });
  await expect(dialog.getByRole('checkbox', { name: 'Apply to portolan-b' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Apply to portolan-a' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Preview (1 target)' }).click();
  const result = dialog.locator('td.apply-result[data-context="portolan-b"]');
  // kubectl's client-side apply owns the target port: the dry run names the conflict, and taking over is asked per target.
  await expect(result).toContainText('Conflict', { timeout: 20_000 });
  await expect(result).toContainText('.spec.ports[port=80,protocol="TCP"].targetPort');
  await dialog.getByRole('button', { name: 'Take over the fields on portolan-b' }).click();
  await expect(result).toContainText('Would change', { timeout: 20_000 });
  expect(JSON.parse(await b!.kubectl(['get', 'service', name, '-o', 'json'])).spec.ports).toMatchObject([{ port: 80, targetPort: 9090 }]);
  await dialog.getByRole('button', { name: 'Apply to 1 target' }).click();
  await expect(result).toHaveText(/^Updated/, { timeout: 20_000 });
  expect(JSON.parse(await b!.kubectl(['get', 'service', name, '-o', 'json'])).spec.ports).toMatchObject([{ port: 80, targetPort: 8080 }]);
});
