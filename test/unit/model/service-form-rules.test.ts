import { describe, expect, it } from 'vitest';
import { emptyServiceForm, type ServiceForm } from '../../../renderer/src/model/service-form';
import { formFieldOf, isCidr, isIanaServiceName, stepOfField, stepsWithProblems, validateServiceForm } from '../../../renderer/src/model/service-form-rules';

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

  it('checks the name as a DNS-1035 label, and the namespace', () => {
    expect(codes(valid({ name: '' }))).toEqual(['basic:name:name.required']);
    expect(codes(valid({ name: '1web' }))).toEqual(['basic:name:name.dns1035Start']);
    expect(codes(valid({ name: 'web_1' }))).toEqual(['basic:name:name.dns1035Chars']);
    expect(codes(valid({ name: 'w'.repeat(64) }))).toEqual(['basic:name:name.tooLong']);
    expect(codes(valid({ namespace: 'Bad' }))).toEqual(['basic:namespace:namespace.invalid']);
  });

  it('limits alias to 63 and description to 256 characters (counting Chinese characters as one)', () => {
    expect(codes(valid({ alias: '网'.repeat(64) }))).toEqual(['basic:alias:alias.tooLong']);
    expect(codes(valid({ description: '说'.repeat(257) }))).toEqual(['basic:description:description.tooLong']);
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
    expect(target('0')).toEqual(['settings:ports.0.targetPort:targetPort.range']);
    expect(target('my--port')).toEqual(['settings:ports.0.targetPort:targetPort.name']);
    expect(target('a-very-long-port-name')).toEqual(['settings:ports.0.targetPort:targetPort.name']);
  });

  it('checks nodePorts against the NodePort range, only when access exposes them', () => {
    const nodePort = (access: ServiceForm['access'], value: number): string[] =>
      codes(valid({ access, ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: '', nodePort: value }] }));
    expect(nodePort('node-port', 30000)).toEqual([]);
    expect(nodePort('load-balancer', 32768)).toEqual(['access:ports.0.nodePort:nodePort.range']);
    expect(nodePort('node-port', 8080)).toEqual(['access:ports.0.nodePort:nodePort.range']);
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
  });

  it('says which steps have problems, for the step bar', () => {
    expect([...stepsWithProblems(validateServiceForm(valid({ name: '', labels: [{ key: '', value: '' }] })))].sort()).toEqual(['basic', 'labels']);
  });
});

describe('helpers', () => {
  it('isIanaServiceName and isCidr', () => {
    expect(isIanaServiceName('http')).toBe(true);
    expect(isIanaServiceName('8080')).toBe(false);
    expect(isCidr('192.168.0.0/16')).toBe(true);
    expect(isCidr('300.1.1.1/8')).toBe(false);
    expect(isCidr('10.0.0.0/33')).toBe(false);
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
