// Each Service type through all four steps, with an edit-mode round trip that carries a comment and a
// field the form does not know, then created and found live in the list and in its detail view.
import type { TestCluster } from '../cluster/test-cluster';
import { expect, test } from './fixtures';
import { createThroughDryRun, editRoundTrip, freshNamespace, highlightedRow, openWizard } from './wizard-steps';

interface LiveService { metadata: { annotations?: Record<string, string>; labels?: Record<string, string> }; spec: Record<string, unknown> }
const read = async (cluster: TestCluster, ns: string, name: string): Promise<LiveService> =>
  JSON.parse(await cluster.kubectl(['get', 'service', name, '-n', ns, '-o', 'json'])) as LiveService;

test('Headless (Selector): four steps, edit mode and back, create, then list and detail', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = await freshNamespace(a, 'e2e-headless');
  const wizard = await openWizard(app, ns);

  await wizard.getByRole('textbox', { name: /^Name/ }).fill('db');
  await wizard.getByRole('textbox', { name: 'Alias' }).fill('数据库');
  await wizard.getByRole('button', { name: 'Next' }).click();

  await wizard.getByRole('radio', { name: /Headless \(Selector\)/ }).check();
  await wizard.getByRole('button', { name: 'Add Selector' }).click();
  await expect(wizard.getByRole('textbox', { name: 'Selector Key 1' })).toBeFocused();
  await wizard.getByRole('textbox', { name: 'Selector Key 1' }).fill('app');
  await wizard.getByRole('textbox', { name: 'Selector Value 1' }).fill('db');
  await expect(wizard.getByText('No pod matches this selector')).toBeVisible();
  await wizard.getByRole('spinbutton', { name: 'Service port 1' }).fill('5432');
  await wizard.getByRole('button', { name: 'Next' }).click();

  await expect(wizard.getByRole('textbox', { name: 'Labels Value 1' })).toHaveValue('db');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard).toContainText('Internet access applies to Virtual IP Services only.');

  await editRoundTrip(app, wizard, '\n  # peers find each other before they are ready\n  publishNotReadyAddresses: true\n',
    ['# peers find each other before they are ready', 'publishNotReadyAddresses: true', 'clusterIP: None']);
  await createThroughDryRun(wizard);

  const row = highlightedRow(app);
  await expect(row).toContainText('db');
  await expect(row).toContainText('数据库');
  await expect(row).toContainText('Headless (Selector)');
  await row.getByRole('link', { name: 'db', exact: true }).click();
  const overview = app.getByRole('tabpanel', { name: 'Overview' });
  await expect(overview).toContainText('Headless (Selector)');
  await expect(overview).toContainText('app=db');
  const live = await read(a, ns, 'db');
  expect(live.spec).toMatchObject({ clusterIP: 'None', selector: { app: 'db' }, publishNotReadyAddresses: true, ports: [{ port: 5432, targetPort: 5432 }] });
  expect(live.metadata.labels).toEqual({ app: 'db' });
});

test('Headless (ExternalName): four steps, edit mode and back, create, then list and detail', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = await freshNamespace(a, 'e2e-external');
  const wizard = await openWizard(app, ns);

  await wizard.getByRole('textbox', { name: /^Name/ }).fill('payments');
  await wizard.getByRole('button', { name: 'Next' }).click();

  await wizard.getByRole('radio', { name: /Headless \(ExternalName\)/ }).check();
  await expect(wizard.getByRole('textbox', { name: 'Selector Key 1' })).toHaveCount(0);
  await expect(wizard.getByRole('spinbutton', { name: 'Service port 1' })).toHaveCount(0);
  await wizard.getByRole('textbox', { name: /External name/ }).fill('Payments.Example.COM');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('button', { name: /Service Settings/ })).toContainText('!');
  await wizard.getByRole('button', { name: /Service Settings/ }).click();
  await expect(wizard.getByRole('alert').filter({ hasText: 'lowercase' })).toBeVisible();
  await wizard.getByRole('textbox', { name: /External name/ }).fill('payments.example.com');
  await wizard.getByRole('button', { name: /Internet Access/ }).click();
  await expect(wizard).toContainText('Internet access applies to Virtual IP Services only.');

  await editRoundTrip(app, wizard, '\n  # the provider\'s endpoint; TLS is terminated there\n  publishNotReadyAddresses: true\n',
    ["# the provider's endpoint; TLS is terminated there", 'publishNotReadyAddresses: true', 'externalName: payments.example.com']);
  await createThroughDryRun(wizard);

  const row = highlightedRow(app);
  await expect(row).toContainText('payments');
  await expect(row).toContainText('Headless (ExternalName)');
  await row.getByRole('link', { name: 'payments', exact: true }).click();
  await expect(app.getByRole('tabpanel', { name: 'Overview' })).toContainText('payments.example.com');
  const live = await read(a, ns, 'payments');
  expect(live.spec).toMatchObject({ type: 'ExternalName', externalName: 'payments.example.com', publishNotReadyAddresses: true });
  expect(live.spec.selector).toBeUndefined();
  expect(live.spec.ports).toBeUndefined();
});

test('Virtual IP with a LoadBalancer: QingCloud annotations, edit mode and back, and a pending address said plainly', async ({ app, clusters }) => {
  const [a] = clusters.clusters as [TestCluster];
  const ns = await freshNamespace(a, 'e2e-lb');
  const wizard = await openWizard(app, ns);

  await wizard.getByRole('textbox', { name: /^Name/ }).fill('public');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('radio', { name: /Virtual IP/ })).toBeChecked();
  await wizard.getByRole('spinbutton', { name: 'Service port 1' }).fill('443');
  await wizard.getByRole('combobox', { name: 'Target port 1' }).fill('8443');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();

  await wizard.getByRole('radio', { name: /LoadBalancer/ }).check();
  await expect(wizard.getByRole('note')).toContainText('external IP stays pending');
  await wizard.getByRole('combobox', { name: 'Load balancer provider' }).selectOption('QingCloud');
  await wizard.getByRole('textbox', { name: 'Annotations Value 1' }).fill('eip-abc123');
  await wizard.getByRole('radio', { name: /Local/ }).check();
  await app.screenshot({ path: 'test-results/screens/wizard-4-access-lb-en.png' });

  await editRoundTrip(app, wizard, '\n  # no node ports: the load balancer reaches pods directly\n  allocateLoadBalancerNodePorts: false\n',
    ['# no node ports: the load balancer reaches pods directly', 'allocateLoadBalancerNodePorts: false', 'qingcloud-load-balancer-eip-ids: eip-abc123']);
  await createThroughDryRun(wizard);

  // No load-balancer controller runs in the test cluster: the list and the detail say it is pending.
  const row = highlightedRow(app);
  await expect(row).toContainText('public');
  await expect(row).toContainText('pending');
  await row.getByRole('link', { name: 'public', exact: true }).click();
  await expect(app.getByRole('tabpanel', { name: 'Overview' })).toContainText('pending');
  const live = await read(a, ns, 'public');
  expect(live.spec).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', allocateLoadBalancerNodePorts: false, ports: [{ port: 443, targetPort: 8443 }] });
  expect(live.metadata.annotations).toMatchObject({
    'service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids': 'eip-abc123', 'service.beta.kubernetes.io/qingcloud-load-balancer-type': '0',
  });
});
