// Steps the wizard e2e tests share: open the wizard on a namespace, the edit-mode round trip (text
// the form does not know must survive form edits), create through the dry run, and keyboard moves.
import type { Locator, Page } from '@playwright/test';
import type { TestCluster } from '../cluster/test-cluster';
import { expect } from './fixtures';

/** A namespace of its own for one test. */
export async function freshNamespace(cluster: TestCluster, prefix: string): Promise<string> {
  const ns = `${prefix}-${Date.now().toString(36)}`;
  await cluster.kubectl(['create', 'namespace', ns]);
  return ns;
}

/** Opens the wizard once the list is live; with `namespace`, waits until it is offered and picks it. */
export async function openWizard(app: Page, namespace?: string): Promise<Locator> {
  await expect(app.getByRole('list', { name: 'Cluster status' })).toContainText('Live', { timeout: 20_000 });
  await app.getByRole('button', { name: 'Create Service' }).click();
  const wizard = app.getByRole('dialog', { name: 'Create Service' });
  await expect(wizard).toBeVisible();
  if (namespace) {
    const picker = wizard.getByRole('combobox', { name: 'Namespace' });
    await expect(picker.getByRole('option', { name: namespace })).toBeAttached();
    await picker.selectOption(namespace);
  }
  return wizard;
}

/** The text Monaco shows (the wizard's editor is tall enough for a whole Service). */
export const editorText = (wizard: Locator): Locator => wizard.locator('.wz-editor .view-lines');

/**
 * Switches to edit mode, appends `added` at the end of the text (it ends inside `spec`), goes back to
 * the form, changes the description there, and checks in edit mode that every line of `survives` and
 * the new description are in the text. Ends back on the form.
 */
export async function editRoundTrip(app: Page, wizard: Locator, added: string, survives: string[]): Promise<void> {
  await appendInEditor(app, wizard, added);
  for (const line of survives) await expect(editorText(wizard)).toContainText(line);
  await wizard.getByRole('button', { name: 'Back to the form' }).click();
  await wizard.getByRole('button', { name: /Basic Information/ }).click();
  const description = `changed after editing ${Date.now()}`;
  await wizard.getByRole('textbox', { name: 'Description' }).fill(description);
  await wizard.getByRole('button', { name: 'Edit Mode' }).click();
  await expect(editorText(wizard)).toContainText(description);
  for (const line of survives) await expect(editorText(wizard)).toContainText(line);
  await wizard.getByRole('button', { name: 'Back to the form' }).click();
}

/** Switches to edit mode, waits for Monaco, and pastes `text` at the end (as typing it would). */
export async function appendInEditor(app: Page, wizard: Locator, text: string): Promise<void> {
  await wizard.getByRole('button', { name: 'Edit Mode' }).click();
  const editor = wizard.getByRole('textbox', { name: 'Service manifest' });
  await expect(editor).toBeAttached({ timeout: 15_000 });
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await editor.focus();
  await app.keyboard.press('Control+End');
  await app.evaluate((value) => navigator.clipboard.writeText(value), text);
  await app.keyboard.press('Control+V');
}

/** Create → the dry run's diff → Create it → the dialog closes. */
export async function createThroughDryRun(wizard: Locator): Promise<void> {
  await wizard.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(wizard.getByRole('heading', { name: 'What the cluster would store' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Create it' }).click();
  await expect(wizard).toBeHidden();
}

/** The list row the wizard highlights after a create. */
export const highlightedRow = (app: Page): Locator => app.getByRole('table', { name: 'Services' }).locator('[role=row][aria-current=true]');

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails when it is not reachable. */
export async function tabTo(app: Page, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await app.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}
