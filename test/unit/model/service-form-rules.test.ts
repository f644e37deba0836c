import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { emptyServiceForm, manifestText, type ServiceForm } from '../../../renderer/src/model/service-form';
import { isIanaServiceName } from '../../../renderer/src/model/k8s-names';
import { cidrProblem } from '../../../renderer/src/model/ip-syntax';
import type { Schema } from '../../../renderer/src/model/schema-check';
import { changedFields, formFieldOf, serverProblemsByField, stepOfField, stepsWithProblems, wizardProblems } from '../../../renderer/src/model/service-form-rules';
import type { ManifestRuleOptions } from '../../../renderer/src/model/service-manifest-rules';
import schema from '../../../renderer/src/editor/service.schema.json';

// Offline (no server version): the strictest rules.
const offline = { serverVersion: null, schema: schema as Schema };
/** The problems of a form on its own: the manifest it writes, checked as the wizard checks it. */
const validateWith = (form: ServiceForm, options: ManifestRuleOptions) => wizardProblems(form, parseDocument(manifestText(form)).toJS(), options);
const validateServiceForm = (form: ServiceForm) => validateWith(form, offline);

function valid(patch: Partial<ServiceForm> = {}): ServiceForm {
  return {
    ...emptyServiceForm('shop'),
    name: 'web',
    selector: [{ key: 'app', value: 'web' }],
    ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: '8080', nodePort: null }],
    labels: [{ key: 'app', value: 'web' }],
    ...patch,
  };
}

const codes = (form: ServiceForm): string[] => validateServiceForm(form).map((p) => `${p.step}:${p.field}:${p.code}`);

describe('validateServiceForm', () => {
  it('accepts a complete Virtual IP Service, and each other type when complete', () => {
    expect(codes(valid())).toEqual([]);
    expect(codes(valid({ type: 'headless-selector', ports: [] }))).toEqual([]);
    expect(codes(valid({ type: 'headless-external-name', externalName: 'db.example.com', ports: [], selector: [] }))).toEqual([]);
    expect(codes(valid({ access: 'node-port', ports: [{ name: '', protocol: 'SCTP', port: 80, targetPort: 'http', nodePort: 30080 }] }))).toEqual([]);
    expect(codes(valid({ alias: '网站'.repeat(31), description: '说明'.repeat(128) }))).toEqual([]);
  });

  it('blocks nothing the API server accepts: long alias and description, zero node and target ports', () => {
    expect(codes(valid({ alias: '网'.repeat(64), description: '说'.repeat(257) }))).toEqual([]);
    expect(codes(valid({ ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: '0', nodePort: null }] }))).toEqual([]);
    expect(codes(valid({ type: 'headless-external-name', externalName: 'db.example.com.', ports: [], selector: [] }))).toEqual([]);
  });

  it('checks the name as a DNS-1035 label offline and before 1.36, a DNS-1123 label from 1.36; and the namespace', () => {
    expect(codes(valid({ name: '' }))).toEqual(['basic:name:name.required']);
    expect(codes(valid({ name: '1web' }))).toEqual(['basic:name:name.dns1035Start']);
    expect(validateWith(valid({ name: '1web' }), { ...offline, serverVersion: 'v1.35.0' }).map((p) => p.code)).toEqual(['name.dns1035Start']);
    expect(validateWith(valid({ name: '1web' }), { ...offline, serverVersion: 'v1.37.2' })).toEqual([]);
    expect(codes(valid({ name: 'web_1' }))).toEqual(['basic:name:name.dns1035Chars']);
    expect(codes(valid({ name: 'w'.repeat(64) }))).toEqual(['basic:name:name.tooLong']);
    expect(codes(valid({ namespace: 'Bad' }))).toEqual(['basic:namespace:namespace.invalid']);
  });

  it('requires a DNS-1123 subdomain as the external name', () => {
    expect(codes(valid({ type: 'headless-external-name', externalName: '' }))).toEqual(['settings:externalName:externalName.required']);
    expect(codes(valid({ type: 'headless-external-name', externalName: 'DB.example.com' }))).toEqual(['settings:externalName:externalName.dns1123Chars']);
  });

  it('requires a port for a Virtual IP, in range', () => {
    expect(codes(valid({ ports: [] }))).toEqual(['settings:ports:ports.required']);
    expect(codes(valid({ ports: [{ name: '', protocol: 'TCP', port: null, targetPort: '', nodePort: null }] }))).toEqual(['settings:ports.0.port:port.required']);
    expect(codes(valid({ ports: [{ name: '', protocol: 'TCP', port: 70000, targetPort: '', nodePort: null }] }))).toEqual(['settings:ports.0.port:port.range']);
  });

  it('makes port names optional for one port, required and unique for several', () => {
    const two = (a: string, b: string): ServiceForm => valid({
      ports: [{ name: a, protocol: 'TCP', port: 80, targetPort: '', nodePort: null }, { name: b, protocol: 'TCP', port: 443, targetPort: '', nodePort: null }],
    });
    expect(codes(valid({ ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: '', nodePort: null }] }))).toEqual([]);
    expect(codes(two('http', ''))).toEqual(['settings:ports.1.name:portName.required']);
    expect(codes(two('http', 'http'))).toEqual(['settings:ports.1.name:portName.duplicate']);
    expect(codes(two('HTTP', 'https'))).toEqual(['settings:ports.0.name:portName.invalid']);
  });

  it('refuses the same port and protocol twice, but allows TCP and UDP on one port', () => {
    const pair = (protocol: 'TCP' | 'UDP'): ServiceForm => valid({
      ports: [{ name: 'a', protocol: 'TCP', port: 53, targetPort: '', nodePort: null }, { name: 'b', protocol, port: 53, targetPort: '', nodePort: null }],
    });
    expect(codes(pair('UDP'))).toEqual([]);
    expect(codes(pair('TCP'))).toEqual(['settings:ports.1.port:port.duplicate']);
  });

  it('takes a number or a named container port as the target port', () => {
    const target = (targetPort: string): string[] => codes(valid({ ports: [{ name: '', protocol: 'TCP', port: 80, targetPort, nodePort: null }] }));
    expect(target('8080')).toEqual([]);
    expect(target('http-alt')).toEqual([]);
    expect(target('-1')).toEqual(['settings:ports.0.targetPort:targetPort.range']);
    expect(target('my--port')).toEqual(['settings:ports.0.targetPort:targetPort.name']);
    expect(target('a-very-long-port-name')).toEqual(['settings:ports.0.targetPort:targetPort.name']);
  });

  it('says a nodePort outside the usual range is for the cluster to decide, without blocking', () => {
    const nodePort = (access: ServiceForm['access'], value: number) =>
      validateServiceForm(valid({ access, ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: '', nodePort: value }] }));
    expect(nodePort('node-port', 30000)).toEqual([]);
    expect(nodePort('load-balancer', 32768)).toEqual([{ step: 'access', field: 'ports.0.nodePort', code: 'nodePort.outsideDefaultRange', params: { min: 30000, max: 32767 }, clusterDecides: true }]);
    expect(stepsWithProblems(nodePort('node-port', 8080))).toEqual(new Set());
    expect(nodePort('none', 8080)).toEqual([]);
  });

  it('keeps the ClientIP timeout between 1 and 86400 seconds', () => {
    expect(codes(valid({ sessionAffinity: 'ClientIP', sessionAffinityTimeout: 10800 }))).toEqual([]);
    expect(codes(valid({ sessionAffinity: 'ClientIP', sessionAffinityTimeout: 0 }))).toEqual(['settings:sessionAffinityTimeout:sessionAffinityTimeout.range']);
    expect(codes(valid({ sessionAffinity: 'ClientIP', sessionAffinityTimeout: 86401 }))).toEqual(['settings:sessionAffinityTimeout:sessionAffinityTimeout.range']);
  });

  it('checks label and selector keys and values, and duplicate keys', () => {
    expect(codes(valid({ labels: [{ key: 'app', value: 'my app' }] }))).toEqual(['labels:labels.0.value:labelValue.labelValueChars']);
    expect(codes(valid({ labels: [{ key: 'Example.com/app', value: 'x' }] }))).toEqual(['labels:labels.0.key:labelKey.labelKeyPrefix']);
    expect(codes(valid({ labels: [{ key: 'app', value: 'a' }, { key: 'app', value: 'b' }] }))).toEqual(['labels:labels.1.key:duplicateKey']);
    expect(codes(valid({ selector: [{ key: '', value: 'web' }] }))).toEqual(['settings:selector.0.key:labelKey.required']);
  });

  it('checks load-balancer source ranges as CIDRs', () => {
    expect(codes(valid({ access: 'load-balancer', loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::/32'] }))).toEqual([]);
    expect(codes(valid({ access: 'load-balancer', loadBalancerSourceRanges: ['10.0.0.0'] }))).toEqual(['access:loadBalancerSourceRanges.0:cidr.invalid']);
    expect(codes(valid({ access: 'load-balancer', loadBalancerSourceRanges: [' 10.0.0.0/8 '] }))).toEqual([]);
    expect(codes(valid({ access: 'load-balancer', loadBalancerSourceRanges: ['10.0.0.1/8'] }))).toEqual(['access:loadBalancerSourceRanges.0:cidr.hostBits']);
  });

  it('says which steps have problems, for the step bar', () => {
    expect([...stepsWithProblems(validateServiceForm(valid({ name: '', labels: [{ key: '', value: '' }] })))].sort()).toEqual(['basic', 'labels']);
  });
});

describe('helpers', () => {
  it('isIanaServiceName and cidrProblem', () => {
    expect(isIanaServiceName('http')).toBe(true);
    expect(isIanaServiceName('8080')).toBe(false);
    expect(cidrProblem('192.168.0.0/16', true)).toBeNull();
    expect(cidrProblem('300.1.1.1/8', true)).toBe('cidr.invalid');
    expect(cidrProblem('10.0.0.0/33', true)).toBe('cidr.invalid');
    expect(cidrProblem('10.0.0.1/8', false)).toBeNull();
    expect(cidrProblem('2001:db8::1/32', true)).toBe('cidr.hostBits');
  });

  it('places problems of fields the form does not show on the manifest, with their path', () => {
    const manifest = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80, appProtocol: 'a b' }], ipFamilies: ['IPv5'], template: {} } };
    expect(wizardProblems(valid(), manifest, offline).map((p) => `${p.field}:${p.path ?? ''}:${p.code}`)).toEqual([
      'manifest:spec.template:field.unknown', 'manifest:spec.ipFamilies[0]:notSupported', 'manifest:spec.ports[0].appProtocol:qualifiedName.invalid',
    ]);
  });
});

describe('server field paths', () => {
  it('map 422 field paths onto the form fields and the steps that show them', () => {
    expect(formFieldOf('spec.ports[0].nodePort')).toBe('ports.0.nodePort');
    expect(formFieldOf('metadata.name')).toBe('name');
    expect(formFieldOf('spec.externalName')).toBe('externalName');
    expect(stepOfField('ports.0.nodePort')).toBe('access');
    expect(stepOfField('ports.1.targetPort')).toBe('settings');
    expect(stepOfField('name')).toBe('basic');
    expect(stepOfField('labels.0.key')).toBe('labels');
    expect(stepOfField('externalName')).toBe('settings');
  });
});

describe('changedFields', () => {
  it('names the fields an edit touched, down to a port or label part', () => {
    const before = valid();
    expect(changedFields(before, before)).toEqual([]);
    expect(changedFields(before, { ...before, name: 'api' })).toEqual(['name']);
    expect(changedFields(before, { ...before, ports: [{ ...before.ports[0]!, port: 81 }] })).toEqual(['ports.0.port', 'ports']);
    expect(changedFields(before, { ...before, labels: [...before.labels, { key: '', value: '' }] })).toEqual(['labels.1.key', 'labels.1.value', 'labels']);
    expect(changedFields(before, { ...before, loadBalancerSourceRanges: ['10.0.0.0/8'] })).toEqual(['loadBalancerSourceRanges.0']);
  });
});

describe('serverProblemsByField', () => {
  it("puts each of the server's causes on its form field, exists on the name and RBAC on the namespace", () => {
    expect(serverProblemsByField('invalid', 'refused', [{ field: 'spec.ports[0].nodePort', message: 'in use' }, { field: null, message: 'odd' }]))
      .toEqual({ 'ports.0.nodePort': ['in use'], name: ['odd'] });
    expect(serverProblemsByField('exists', 'already there', [])).toEqual({ name: ['already there'] });
    expect(serverProblemsByField('forbidden', 'no', [])).toEqual({ namespace: ['no'] });
  });
});
