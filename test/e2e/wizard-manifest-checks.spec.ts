// The wizard checks the whole manifest as the API server would: a pasted live object with a field the
// server does not know and a lowercase protocol is stopped before Create, each problem listed with
// its path and line; once fixed, the dry run says which server-set fields it leaves out, and the
// create succeeds on the real cluster. Screenshots in English and Chinese.
import type { Page } from '@playwright/test';
import type { TestCluster } from '../cluster/test-cluster';
import { expect, test } from './fixtures';
import { editorText, freshNamespace, openWizard } from './wizard-steps';

const pasted = (ns: string, extra: string): string => `apiVersion: v1
kind: Service
metadata:
  name: pasted
  namespace: ${ns}
  resourceVersion: "12345"
  uid: 0b1c2d3e-0000-4000-8000-000000000000
spec:
  ports:
  - port: 80
${extra}`;

async function replaceText(app: Page, text: string): Promise<void> {
  const editor = app.getByRole('textbox', { name: /Service manifest|服务清单/ });
  await expect(editor).toBeAttached({ timeout: 15_000 });
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.evaluate((value) => navigator.clipboard.writeText(value), text);
  await editor.focus();
  await app.keyboard.press('Control+A');
  await app.keyboard.press('Control+V');
}

test('stops a manifest the server would refuse, says where, and leaves out server-set fields', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = await freshNamespace(a, 'e2e-checks');
  const wizard = await openWizard(app, ns);
  await wizard.getByRole('button', { name: 'Edit Mode' }).click();
  await replaceText(app, pasted(ns, '    protocol: tcp\n  template: {}\n'));
  const listed = wizard.getByRole('region', { name: 'In the manifest' });
  await expect(listed).toContainText('spec.template (line 12): The API server does not know the field “template”.');
  await expect(listed).toContainText('spec.ports[0].protocol (line 11): Use one of: SCTP, TCP, UDP (capitals as written).');
  await app.screenshot({ path: 'test-results/screens/wizard-manifest-problems-en.png' });
  // Create stays in edit mode: nothing is sent while the server would refuse it.
  await wizard.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(wizard.getByRole('heading', { name: 'What the cluster would store' })).toBeHidden();
  await expect(wizard.getByRole('textbox', { name: 'Service manifest' })).toBeAttached();

  await replaceText(app, pasted(ns, '    protocol: TCP\n'));
  await expect(listed).toBeHidden();
  await expect(editorText(wizard)).toContainText('protocol: TCP');
  await wizard.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(wizard.getByRole('heading', { name: 'What the cluster would store' })).toBeVisible();
  await expect(wizard.getByRole('status').filter({ hasText: 'Left out, as the server sets them' })).toContainText('metadata.uid, metadata.resourceVersion');
  await app.screenshot({ path: 'test-results/screens/wizard-dry-run-cleared-en.png' });
  await wizard.getByRole('button', { name: 'Create it' }).click();
  await expect(wizard).toBeHidden();
  const live = JSON.parse(await a.kubectl(['get', 'service', 'pasted', '-n', ns, '-o', 'json'])) as { metadata: { uid: string } };
  expect(live.metadata.uid).not.toBe('0b1c2d3e-0000-4000-8000-000000000000');
});

test('lists the manifest problems in Chinese too', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = await freshNamespace(a, 'e2e-checks-zh');
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('list', { name: '集群状态' })).toContainText('实时', { timeout: 20_000 });
  await app.getByRole('button', { name: '创建服务' }).click();
  const wizard = app.getByRole('dialog', { name: '创建服务' });
  await wizard.getByRole('button', { name: /编辑/ }).first().click();
  await replaceText(app, pasted(ns, '  ipFamilies: [IPv6]\n  template: {}\n'));
  const listed = wizard.getByRole('region', { name: '清单中的问题' });
  await expect(listed).toContainText('API 服务器不认识字段“template”。');
  await expect(listed).toContainText('只有集群知道它是否支持 IPv6。');
  await app.screenshot({ path: 'test-results/screens/wizard-manifest-problems-zh-CN.png' });
});
