import type { TestCluster } from '../cluster/test-cluster';
import { expect, test } from './fixtures';
import { appendInEditor, openWizard } from './wizard-steps';

test('creates a NodePort Service through all four steps with a Chinese alias, and finds it in the list', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = `e2e-wizard-${Date.now().toString(36)}`;
  await a.kubectl(['create', 'namespace', ns]);
  await a.kubectl(['create', 'deployment', 'shop', '--image=nginx', '--replicas=2', '--port=8080', '-n', ns]);
  await expect.poll(async () => (await a.kubectl(['get', 'namespace', ns, '-o', 'name'])).length).toBeGreaterThan(0);
  const wizard = await openWizard(app);

  // Basic Information
  await wizard.getByRole('combobox', { name: 'Namespace' }).selectOption(ns);
  await wizard.getByRole('textbox', { name: /^Name/ }).fill('Shop_1');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: /Basic Information/ }).click();
  // The test server (1.37) takes DNS-1123 labels as Service names: uppercase and '_' are still refused.
  await expect(wizard.getByRole('alert').filter({ hasText: 'Use lowercase letters, digits and “-”, starting and ending with a letter or digit.' })).toBeVisible();
  await wizard.getByRole('textbox', { name: /^Name/ }).fill('shop');
  await wizard.getByRole('textbox', { name: 'Alias' }).fill('商店');
  await wizard.getByRole('textbox', { name: 'Description' }).fill('前端入口');
  await wizard.getByRole('button', { name: 'Save as draft' }).click();
  await expect(wizard.getByRole('status').filter({ hasText: 'Saved as draft shop.yaml' })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/wizard-1-basic-en.png' });
  await wizard.getByRole('button', { name: 'Next' }).click();

  // Service Settings: pick the workload; its labels and port fill in; pods preview live.
  await expect(wizard.getByRole('radio', { name: /Virtual IP/ })).toBeChecked();
  await wizard.getByRole('combobox', { name: 'Specify workload' }).selectOption('Deployment/shop');
  await expect(wizard.getByRole('textbox', { name: 'Selector Key 1' })).toHaveValue('app');
  await expect(wizard.getByRole('textbox', { name: 'Selector Value 1' })).toHaveValue('shop');
  await expect(wizard.getByText(/2 pods match now/)).toBeVisible();
  await expect(wizard.getByRole('spinbutton', { name: 'Service port 1' })).toHaveValue('8080');
  await wizard.getByRole('spinbutton', { name: 'Service port 1' }).fill('80');
  await app.screenshot({ path: 'test-results/screens/wizard-2-settings-en.png' });
  await wizard.getByRole('button', { name: 'Next' }).click();

  // Label Settings: app: <name> is suggested.
  await expect(wizard.getByRole('textbox', { name: 'Labels Value 1' })).toHaveValue('shop');
  await app.screenshot({ path: 'test-results/screens/wizard-3-labels-en.png' });
  await wizard.getByRole('button', { name: 'Next' }).click();

  // Internet Access: NodePort; a node port out of range is refused on this step, a fixed one is kept.
  await wizard.getByRole('radio', { name: /NodePort/ }).check();
  await wizard.getByRole('spinbutton', { name: 'Node port 1 (80/TCP)' }).fill('80');
  // The usual range, said without blocking: a cluster may set another (--service-node-port-range).
  await expect(wizard.getByRole('alert').filter({ hasText: 'Outside the usual node port range 30000–32767' })).toBeVisible();
  await wizard.getByRole('spinbutton', { name: 'Node port 1 (80/TCP)' }).fill('31234');
  await app.screenshot({ path: 'test-results/screens/wizard-4-access-en.png' });
  await wizard.getByRole('button', { name: /Service Settings/ }).click();
  await expect(wizard.getByRole('spinbutton', { name: 'Node port 1' })).toHaveValue('31234');

  // Edit mode: add a comment and a field the form does not know; back to the form; both survive.
  await wizard.getByRole('button', { name: 'Edit Mode' }).click();
  const editor = wizard.getByRole('textbox', { name: 'Service manifest' });
  await expect(editor).toBeAttached({ timeout: 15_000 });
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const text = await app.evaluate(() => (document.querySelector('.wz-editor .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' '));
  expect(text).toContain('nodePort: 31234');
  await editor.focus();
  await app.keyboard.press('Control+End');
  await app.evaluate(() => navigator.clipboard.writeText('\n# added by hand\n  internalTrafficPolicy: Local\n'));
  await app.keyboard.press('Control+V');
  await app.screenshot({ path: 'test-results/screens/wizard-edit-en.png' });
  await wizard.getByRole('button', { name: 'Back to the form' }).click();
  await wizard.getByRole('button', { name: /Basic Information/ }).click();
  await wizard.getByRole('textbox', { name: 'Alias' }).fill('商店服务');
  await wizard.getByRole('button', { name: 'Edit Mode' }).click();
  await expect(wizard.locator('.wz-editor .view-lines')).toContainText('# added by hand');
  await expect(wizard.locator('.wz-editor .view-lines')).toContainText('internalTrafficPolicy: Local');
  await expect(wizard.locator('.wz-editor .view-lines')).toContainText('商店服务');

  // Create: dry run first, shown as a diff with the defaults, then the real create.
  await wizard.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(wizard.getByRole('heading', { name: 'What the cluster would store' })).toBeVisible();
  const diff = wizard.getByRole('region', { name: 'Your manifest (left) and what the cluster would store (right)' });
  await expect(diff).toContainText('clusterIP');
  // The defaults the cluster adds are marked as inserted lines.
  await expect(diff.locator('.line-insert').first()).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/wizard-dry-run-en.png' });
  await wizard.getByRole('button', { name: 'Create it' }).click();
  await expect(wizard).toBeHidden();

  const row = app.getByRole('table', { name: 'Services' }).locator('[role=row][aria-current=true]');
  await expect(row).toContainText('shop');
  await expect(row).toContainText('商店服务');
  await expect(row).toContainText('80:31234/TCP → 8080');
  await row.getByRole('link', { name: 'shop' }).click();
  await expect(app.getByRole('tabpanel', { name: 'Overview' })).toContainText('前端入口');
  const live = JSON.parse(await a.kubectl(['get', 'service', 'shop', '-n', ns, '-o', 'json']));
  expect(live.spec).toMatchObject({ type: 'NodePort', internalTrafficPolicy: 'Local', selector: { app: 'shop' } });
  expect(live.metadata.annotations['kubesphere.io/alias-name']).toBe('商店服务');
});

test('shows each step in Simplified Chinese, and refuses a taken name before asking to create', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  await a.kubectl(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'taken', namespace: 'default' }, spec: { ports: [{ port: 80 }] } }));
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('list', { name: '集群状态' })).toContainText('实时', { timeout: 20_000 });
  await app.getByRole('button', { name: '创建服务' }).click();
  const wizard = app.getByRole('dialog', { name: '创建服务' });
  await wizard.getByRole('textbox', { name: /^名称/ }).fill('taken');
  await expect(wizard.getByRole('alert').filter({ hasText: '已存在名为 taken 的服务' })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/wizard-1-basic-zh-CN.png' });
  for (const [step, file] of [['服务设置', '2-settings'], ['标签设置', '3-labels'], ['外网访问', '4-access']]) {
    await wizard.getByRole('button', { name: new RegExp(step!) }).click();
    await app.screenshot({ path: `test-results/screens/wizard-${file}-zh-CN.png` });
  }
  await wizard.getByRole('button', { name: '创建', exact: true }).click();
  await expect(wizard.getByRole('button', { name: /基本信息/ })).toHaveAttribute('aria-current', 'step');
  await wizard.getByRole('button', { name: '取消' }).click();
  await expect(wizard.getByRole('alertdialog')).toContainText('放弃此服务');
  await wizard.getByRole('button', { name: '放弃' }).click();
  await expect(wizard).toBeHidden();
});

test('edit mode validates a JSON manifest against the Service schema, under the CSP', async ({ app, page, context }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const wizard = await openWizard(app);
  await wizard.getByRole('button', { name: 'Edit Mode' }).click();
  await wizard.getByRole('radio', { name: 'JSON' }).check();
  const editor = wizard.getByRole('textbox', { name: 'Service manifest' });
  await expect(editor).toBeAttached({ timeout: 15_000 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.evaluate(() => navigator.clipboard.writeText(JSON.stringify({
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'checked' }, spec: { sessionAffinity: 'Sometimes', ports: [{ port: 'eighty' }] },
  }, null, 2)));
  await editor.focus();
  await app.keyboard.press('Control+A');
  await app.keyboard.press('Control+V');
  await expect(wizard.locator('.wz-editor .squiggly-error').first()).toBeVisible({ timeout: 15_000 });
  await app.screenshot({ path: 'test-results/screens/wizard-edit-schema-en.png' });
  // The form took the text (it parses and is a Service), so the name follows.
  await wizard.getByRole('button', { name: 'Back to the form' }).click();
  await wizard.getByRole('button', { name: /Basic Information/ }).click();
  await expect(wizard.getByRole('textbox', { name: /^Name/ })).toHaveValue('checked');
  expect(violations).toEqual([]);
});

test('edit mode validates a YAML manifest against the Service schema too (monaco-yaml)', async ({ app, context }) => {
  const wizard = await openWizard(app);
  await wizard.getByRole('button', { name: 'Edit Mode' }).click();
  const editor = wizard.getByRole('textbox', { name: 'Service manifest' });
  await expect(editor).toBeAttached({ timeout: 15_000 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.evaluate(() => navigator.clipboard.writeText([
    'apiVersion: v1', 'kind: Service', 'metadata:', '  name: checked', 'spec:', '  sessionAffinity: Sometimes', '  ports:', '    - port: eighty', '',
  ].join('\n')));
  await editor.focus();
  await app.keyboard.press('Control+A');
  await app.keyboard.press('Control+V');
  // monaco-yaml reports schema violations as warnings: one for the affinity, one for the port.
  const marks = wizard.locator('.wz-editor .squiggly-warning, .wz-editor .squiggly-error');
  await expect(marks.first()).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => marks.count()).toBeGreaterThanOrEqual(2);
  await app.screenshot({ path: 'test-results/screens/wizard-edit-schema-yaml-en.png' });

  // Completion from the schema: Ctrl+Space under spec offers the Service's fields.
  await app.keyboard.press('Control+End');
  await app.keyboard.type('  sessionAffinityCon');
  await app.keyboard.press('Control+Space');
  const suggestions = wizard.getByRole('listbox', { name: 'Suggest' });
  await expect(suggestions).toBeVisible({ timeout: 10_000 });
  await expect(suggestions.getByRole('option', { name: /sessionAffinityConfig/ })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/wizard-edit-completion-en.png' });
  await app.keyboard.press('Enter');
  await expect(wizard.locator('.wz-editor .view-lines')).toContainText('sessionAffinityConfig');

  // Hover docs: the schema's description of a field.
  await wizard.locator('.wz-editor .view-line span', { hasText: /^sessionAffinity$/ }).first().hover();
  await expect(wizard.getByRole('tooltip').filter({ hasText: 'is the Client IP based' })).toBeVisible({ timeout: 10_000 });
});

test('asks in the page before JSON drops comments, and keeps YAML unless told', async ({ app }) => {
  const wizard = await openWizard(app);
  await wizard.getByRole('textbox', { name: /^Name/ }).fill('commented');
  await appendInEditor(app, wizard, '\n  # keep me\n');

  await wizard.getByRole('radio', { name: 'JSON' }).click();
  const question = wizard.getByRole('alertdialog');
  await expect(question).toContainText('JSON cannot hold comments: switching drops the comment line.');
  await expect(question.getByRole('button', { name: 'Keep YAML' })).toBeFocused();
  await app.screenshot({ path: 'test-results/screens/wizard-json-comments-en.png' });
  await app.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(wizard).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'YAML' })).toBeChecked();
  await expect(wizard.getByRole('radio', { name: 'JSON' })).not.toBeChecked();
  await expect(wizard.locator('.wz-editor .view-lines')).toContainText('# keep me');

  await wizard.getByRole('radio', { name: 'JSON' }).click();
  await question.getByRole('button', { name: 'Switch and drop comments' }).click();
  await expect(wizard.getByRole('radio', { name: 'JSON' })).toBeChecked();
  await expect(wizard.locator('.wz-editor .view-lines')).toContainText('"name": "commented"');
  await expect(wizard.locator('.wz-editor .view-lines')).not.toContainText('keep me');
});

test('locks the form while the text is broken, so nothing typed is overwritten, until it is fixed or discarded', async ({ app }) => {
  const wizard = await openWizard(app);
  await wizard.getByRole('textbox', { name: /^Name/ }).fill('careful');
  await appendInEditor(app, wizard, '  ports: [half typed\n');
  await expect(wizard.getByRole('status').filter({ hasText: 'The text does not parse' })).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'JSON' })).toBeDisabled();

  await wizard.getByRole('button', { name: 'Back to the form' }).click();
  await wizard.getByRole('button', { name: /Basic Information/ }).click();
  await expect(wizard.getByRole('status').filter({ hasText: 'The form is read-only until the text is fixed' })).toBeVisible();
  await expect(wizard.getByRole('textbox', { name: /^Name/ })).toBeDisabled();
  await expect(wizard.getByRole('textbox', { name: /^Name/ })).toHaveValue('careful');
  await app.screenshot({ path: 'test-results/screens/wizard-locked-en.png' });

  await wizard.getByRole('button', { name: 'Fix the text' }).click();
  await expect(wizard.locator('.wz-editor .view-lines')).toContainText('ports: [half typed');
  await wizard.getByRole('button', { name: 'Discard text edits' }).click();
  await expect(wizard.locator('.wz-editor .view-lines')).not.toContainText('half typed');
  await expect(wizard.getByRole('radio', { name: 'JSON' })).toBeEnabled();
  await wizard.getByRole('button', { name: 'Back to the form' }).click();
  await expect(wizard.getByRole('textbox', { name: /^Name/ })).toBeEnabled();
  await expect(wizard.getByRole('textbox', { name: /^Name/ })).toHaveValue('careful');
});
