// The wizard from the keyboard alone, and RBAC's "no" shown on the namespace field before and after
// the cluster is asked.
import type { TestCluster } from '../cluster/test-cluster';
import { RESTRICTED_NAMESPACE } from '../cluster/kubeconfig-scenarios';
import { expect, test, writeScenarioKubeconfig } from './fixtures';
import { freshNamespace, highlightedRow, openWizard, tabTo } from './wizard-steps';

test('goes through all four steps, edit mode and the dry run with the keyboard only', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = await freshNamespace(a, 'e2e-keys');
  await a.kubectl(['create', 'deployment', 'web', '--image=nginx', '--port=8080', '-n', ns]);
  const wizard = await openWizard(app, ns);
  const keys = app.keyboard;

  // Basic Information: Tab reaches the name; typing fills it.
  const name = wizard.getByRole('textbox', { name: /^Name/ });
  await tabTo(app, name);
  await keys.type('kb-web');
  await tabTo(app, wizard.getByRole('textbox', { name: 'Alias' }));
  await keys.type('键盘');
  await tabTo(app, wizard.getByRole('button', { name: 'Next' }));
  await keys.press('Enter');

  // Service Settings: focus moves to the step; the workload picker and radios work with arrows.
  await expect(wizard.getByRole('region', { name: 'Service Settings' })).toBeFocused();
  await tabTo(app, wizard.getByRole('combobox', { name: 'Specify workload' }));
  await keys.press('ArrowDown');
  await expect(wizard.getByRole('textbox', { name: 'Selector Value 1' })).toHaveValue('web');
  await expect(wizard.getByRole('spinbutton', { name: 'Service port 1' })).toHaveValue('8080');
  await tabTo(app, wizard.getByRole('spinbutton', { name: 'Service port 1' }));
  await keys.press('Control+A');
  await keys.type('80');
  await tabTo(app, wizard.getByRole('radio', { name: /^None/ }));
  await keys.press('ArrowDown');
  await expect(wizard.getByRole('radio', { name: /ClientIP/ })).toBeChecked();
  await tabTo(app, wizard.getByRole('button', { name: 'Next' }));
  await keys.press('Enter');

  // Label Settings: "Add" puts the cursor in the new key.
  await expect(wizard.getByRole('region', { name: 'Label Settings' })).toBeFocused();
  await tabTo(app, wizard.getByRole('button', { name: 'Add Labels' }));
  await keys.press('Enter');
  await expect(wizard.getByRole('textbox', { name: 'Labels Key 2' })).toBeFocused();
  await keys.type('tier');
  await keys.press('Tab');
  await keys.type('frontend');
  await tabTo(app, wizard.getByRole('button', { name: 'Next' }));
  await keys.press('Enter');

  // Internet Access: NodePort by arrow key. The Next button is gone on the last step; focus is not lost.
  await expect(wizard.getByRole('region', { name: 'Internet Access' })).toBeFocused();
  await tabTo(app, wizard.getByRole('radio', { name: /^None/ }));
  await keys.press('ArrowDown');
  await expect(wizard.getByRole('radio', { name: /^NodePort/ })).toBeChecked();

  // Edit mode: in and out again. Ctrl+M lets Tab leave the editor.
  await tabTo(app, wizard.getByRole('button', { name: 'Edit Mode' }), { back: true });
  await keys.press('Enter');
  const editor = wizard.getByRole('textbox', { name: 'Service manifest' });
  await expect(editor).toBeAttached({ timeout: 15_000 });
  await tabTo(app, editor);
  await keys.press('Control+End');
  await keys.type('# typed at the keyboard');
  await keys.press('Control+M');
  await tabTo(app, wizard.getByRole('button', { name: 'Save as draft' }));
  await tabTo(app, wizard.getByRole('button', { name: 'Back to the form' }), { back: true });
  await keys.press('Enter');

  // Create: Enter on Create, then on Create it.
  await tabTo(app, wizard.getByRole('button', { name: 'Create', exact: true }));
  await keys.press('Enter');
  await expect(wizard.getByRole('heading', { name: 'What the cluster would store' })).toBeVisible();
  await tabTo(app, wizard.getByRole('button', { name: 'Create it' }));
  await keys.press('Enter');
  await expect(wizard).toBeHidden();
  await expect(highlightedRow(app)).toContainText('键盘');
  const live = JSON.parse(await a.kubectl(['get', 'service', 'kb-web', '-n', ns, '-o', 'json']));
  expect(live.spec).toMatchObject({ type: 'NodePort', sessionAffinity: 'ClientIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
  expect(live.metadata.labels).toEqual({ app: 'kb-web', tier: 'frontend' });
});

test('Escape asks before throwing input away; a second Escape keeps editing', async ({ app }) => {
  const wizard = await openWizard(app);
  await expect(wizard.getByRole('textbox', { name: /^Name/ })).toBeFocused();
  await app.keyboard.type('half-done');
  await app.keyboard.press('Escape');
  const question = wizard.getByRole('alertdialog');
  await expect(question).toContainText('Discard this Service?');
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(wizard.getByRole('textbox', { name: /^Name/ })).toHaveValue('half-done');
  await app.keyboard.press('Escape');
  await tabTo(app, question.getByRole('button', { name: 'Discard' }));
  await app.keyboard.press('Enter');
  await expect(wizard).toBeHidden();
});

test.describe('with a user RBAC confines to one namespace', () => {
  test.use({ kubeconfig: async ({ clusters }, use) => use(await writeScenarioKubeconfig(clusters)) });

  test('says before and after asking that Services may not be created in another namespace, and keeps the input', async ({ app }) => {
    await app.getByRole('checkbox', { name: 'Show restricted', exact: true }).check();
    await app.getByRole('checkbox', { name: 'Show portolan-a', exact: true }).uncheck();
    const row = app.getByRole('listitem').filter({ has: app.getByRole('checkbox', { name: 'Show restricted', exact: true }) });
    await expect(row).toContainText('Connected', { timeout: 20_000 });
    await row.getByText('All namespaces').first().click();
    const group = row.getByRole('group', { name: 'Namespaces of restricted' });
    await group.getByRole('textbox', { name: 'Add namespace' }).fill('team-b');
    await group.getByRole('button', { name: 'Add' }).click();
    await group.getByRole('checkbox', { name: RESTRICTED_NAMESPACE }).uncheck();
    await expect(group.getByRole('checkbox', { name: 'team-b' })).toBeChecked();

    await app.getByRole('button', { name: 'Create Service' }).click();
    const wizard = app.getByRole('dialog', { name: 'Create Service' });
    await expect(wizard.getByRole('combobox', { name: 'Namespace' })).toHaveValue('team-b');
    const namespaceProblem = wizard.getByRole('alert').filter({ hasText: 'You may not create Services in team-b on restricted.' });
    await expect(namespaceProblem).toBeVisible();
    await expect(wizard.getByRole('combobox', { name: 'Namespace' })).toHaveAttribute('aria-invalid', 'true');

    await wizard.getByRole('textbox', { name: /^Name/ }).fill('not-allowed');
    await wizard.getByRole('textbox', { name: 'Alias' }).fill('不允许');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('spinbutton', { name: 'Service port 1' }).fill('80');
    await wizard.getByRole('button', { name: 'Create', exact: true }).click();

    // The API server's 403 lands on the namespace field of the first step, in words; nothing is lost.
    await expect(wizard.getByRole('button', { name: /Basic Information/ })).toHaveAttribute('aria-current', 'step');
    await expect(wizard.getByRole('button', { name: /Basic Information/ })).toContainText('(has errors)');
    await expect(wizard.getByRole('alert').filter({ hasText: /^Forbidden:/ })).toContainText('cannot create resource "services" in API group "" in the namespace "team-b"');
    await expect(wizard.locator('#wz-namespace-problem')).toHaveText('You may not create Services in team-b on restricted.');
    await expect(wizard.getByRole('textbox', { name: 'Alias' })).toHaveValue('不允许');
    await app.screenshot({ path: 'test-results/screens/wizard-forbidden-en.png' });
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByRole('spinbutton', { name: 'Service port 1' })).toHaveValue('80');
  });
});
