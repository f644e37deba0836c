// Every rule the wizard checks before it asks the server, each tied to the step and field it is about.
// Codes, not sentences: the UI words them in the user's language. Pure: unit-tested.
import { dns1035LabelProblems, dns1123LabelProblems, dns1123SubdomainProblems, labelKeyProblems, labelValueProblems } from './k8s-names';
import type { KeyValue, ServiceForm } from './service-form';

export type WizardStep = 'basic' | 'settings' | 'labels' | 'access';

export interface FormProblem {
  step: WizardStep;
  /** A path in the form: name, ports.1.nodePort, labels.0.key … */
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

/** IANA_SVC_NAME, what a named targetPort must be: ≤ 15 of a–z, 0–9, '-', a letter somewhere, no '--' or edge '-'. */
export function isIanaServiceName(value: string): boolean {
  return value.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(value) && /[a-z]/.test(value) && !value.includes('--');
}

function pairProblems(step: WizardStep, prefix: string, rows: KeyValue[]): FormProblem[] {
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    for (const code of labelKeyProblems(row.key)) problems.push({ step, field: `${prefix}.${i}.key`, code: `labelKey.${code}` });
    for (const code of labelValueProblems(row.value)) problems.push({ step, field: `${prefix}.${i}.value`, code: `labelValue.${code}` });
    if (row.key && seen.has(row.key)) problems.push({ step, field: `${prefix}.${i}.key`, code: 'duplicateKey', params: { key: row.key } });
    seen.add(row.key);
  });
  return problems;
}

export function validateServiceForm(form: ServiceForm): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (step: WizardStep, field: string, code: string, params?: Record<string, string | number>): void => {
    problems.push(params ? { step, field, code, params } : { step, field, code });
  };

  for (const code of dns1035LabelProblems(form.name)) add('basic', 'name', `name.${code}`);
  if (form.namespace === '' || dns1123LabelProblems(form.namespace).length > 0) add('basic', 'namespace', 'namespace.invalid');
  if ([...form.alias].length > 63) add('basic', 'alias', 'alias.tooLong', { max: 63 });
  if ([...form.description].length > 256) add('basic', 'description', 'description.tooLong', { max: 256 });

  if (form.type === 'headless-external-name') {
    for (const code of dns1123SubdomainProblems(form.externalName)) add('settings', 'externalName', `externalName.${code}`);
  } else {
    problems.push(...pairProblems('settings', 'selector', form.selector));
    if (form.type === 'virtual-ip' && form.ports.length === 0) add('settings', 'ports', 'ports.required');
    const withNodePort = form.type === 'virtual-ip' && form.access !== 'none';
    const names = new Set<string>();
    const portProtocols = new Set<string>();
    form.ports.forEach((port, i) => {
      const at = `ports.${i}`;
      if (port.port === null) add('settings', `${at}.port`, 'port.required');
      else if (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535) add('settings', `${at}.port`, 'port.range');
      if (port.name === '') {
        if (form.ports.length > 1) add('settings', `${at}.name`, 'portName.required');
      } else {
        if (dns1123LabelProblems(port.name).length > 0) add('settings', `${at}.name`, 'portName.invalid');
        if (names.has(port.name)) add('settings', `${at}.name`, 'portName.duplicate', { name: port.name });
        names.add(port.name);
      }
      const key = `${port.port}/${port.protocol}`;
      if (port.port !== null && portProtocols.has(key)) add('settings', `${at}.port`, 'port.duplicate', { port: port.port, protocol: port.protocol });
      portProtocols.add(key);
      if (port.targetPort !== '') {
        if (/^\d+$/.test(port.targetPort)) {
          const n = Number(port.targetPort);
          if (n < 1 || n > 65535) add('settings', `${at}.targetPort`, 'targetPort.range');
        } else if (!isIanaServiceName(port.targetPort)) {
          add('settings', `${at}.targetPort`, 'targetPort.name');
        }
      }
      if (withNodePort && port.nodePort !== null && (port.nodePort < NODE_PORT_RANGE.min || port.nodePort > NODE_PORT_RANGE.max)) {
        add('access', `${at}.nodePort`, 'nodePort.range', NODE_PORT_RANGE);
      }
    });
    if (form.sessionAffinity === 'ClientIP' && form.sessionAffinityTimeout !== null
      && (!Number.isInteger(form.sessionAffinityTimeout) || form.sessionAffinityTimeout < 1 || form.sessionAffinityTimeout > 86400)) {
      add('settings', 'sessionAffinityTimeout', 'sessionAffinityTimeout.range', { min: 1, max: 86400 });
    }
  }

  problems.push(...pairProblems('labels', 'labels', form.labels));

  if (form.type === 'virtual-ip' && form.access === 'load-balancer') {
    form.loadBalancerSourceRanges.forEach((range, i) => {
      if (!isCidr(range)) add('access', `loadBalancerSourceRanges.${i}`, 'cidr.invalid', { value: range });
    });
  }
  return problems;
}

/** An IPv4 or IPv6 CIDR such as 10.0.0.0/8 or 2001:db8::/32. */
export function isCidr(value: string): boolean {
  const [ip, bits, extra] = value.split('/');
  if (extra !== undefined || ip === undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  const prefix = Number(bits);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return prefix <= 32 && ip.split('.').every((o) => Number(o) <= 255);
  return ip.includes(':') && /^[0-9a-fA-F:]+$/.test(ip) && prefix <= 128 && (ip.match(/::/g) ?? []).length <= 1;
}

/** Which steps have problems: for the step bar. */
export function stepsWithProblems(problems: FormProblem[]): Set<WizardStep> {
  return new Set(problems.map((p) => p.step));
}

/** The server names fields as spec.ports[0].nodePort; the form as ports.0.nodePort. */
export function formFieldOf(serverField: string): string {
  return serverField.replace(/^metadata\./, '').replace(/^spec\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/** The wizard step that shows a form field. */
export function stepOfField(field: string): WizardStep {
  if (/^(name|namespace|alias|description|annotations)\b/.test(field)) return 'basic';
  if (/^labels\b/.test(field)) return 'labels';
  if (/nodePort|externalTrafficPolicy|loadBalancer/.test(field)) return 'access';
  return 'settings';
}
