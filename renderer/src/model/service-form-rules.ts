// What the wizard checks before it asks the server, each problem tied to the step and form field it
// is about. The manifest rules (service-manifest-rules.ts, the API server's own checks) run on the
// manifest the form and text make; this module adds what only the form can see (rows typed without a
// key, the same key twice, no namespace chosen) and places every problem on its field, or on the
// manifest itself when the form does not show that field. Codes, not sentences: the UI words them.
import { dns1123LabelProblems, labelKeyProblems, labelValueProblems } from './k8s-names';
import type { KeyValue, ServiceForm } from './service-form';
import { validateServiceManifest, type ManifestRuleOptions } from './service-manifest-rules';

export type WizardStep = 'basic' | 'settings' | 'labels' | 'access';

export interface FormProblem {
  step: WizardStep;
  /** A path in the form (name, ports.1.nodePort, labels.0.key …), or 'manifest' for a field the form does not show. */
  field: string;
  code: string;
  params?: Record<string, string | number>;
  /** For field 'manifest': where in the manifest, as the API server names it (spec.ipFamilies[0]). */
  path?: string;
  /** Only the cluster can tell: shown, but creating is not blocked. */
  clusterDecides?: true;
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

/** The form field that shows a manifest path (spec.ports[0].port → ports.0.port), or null. */
function formFieldOfPath(path: string, form: ServiceForm): string | null {
  if (path === 'metadata.name') return 'name';
  if (path === 'spec.externalName') return 'externalName';
  if (path === 'spec.ports') return 'ports';
  if (path === 'spec.sessionAffinityConfig.clientIP.timeoutSeconds') return 'sessionAffinityTimeout';
  const port = /^spec\.ports\[(\d+)\]\.(name|port|targetPort|nodePort)$/.exec(path);
  if (port && Number(port[1]) < form.ports.length) return `ports.${port[1]}.${port[2]}`;
  const range = /^spec\.loadBalancerSourceRanges\[(\d+)\]$/.exec(path);
  if (range) return `loadBalancerSourceRanges.${range[1]}`;
  return null;
}

function placeManifestProblem(problem: ReturnType<typeof validateServiceManifest>[number], form: ServiceForm): FormProblem {
  const base = { code: problem.code, ...(problem.params ? { params: problem.params } : {}), ...(problem.clusterDecides ? { clusterDecides: problem.clusterDecides } : {}) };
  const keyed = /^(metadata\.labels|spec\.selector)\[(.+)\]$/.exec(problem.path);
  if (keyed) {
    const [prefix, rows] = keyed[1] === 'spec.selector' ? ['selector', form.selector] as const : ['labels', form.labels] as const;
    const i = rows.findIndex((r) => r.key === keyed[2]);
    const part = problem.code.startsWith('labelValue') ? 'value' : 'key';
    if (i >= 0) return { ...base, step: stepOfField(prefix), field: `${prefix}.${i}.${part}` };
  }
  const field = formFieldOfPath(problem.path, form);
  if (field) return { ...base, step: stepOfField(field), field };
  return { ...base, step: stepOfField(formFieldOf(problem.path)), field: 'manifest', path: problem.path };
}

/**
 * Every problem of what the wizard would send: the manifest (from the text, with fields the form does
 * not show) checked as the API server would, and the form's own rows. One problem per field and code.
 */
export function wizardProblems(form: ServiceForm, manifest: unknown, options: ManifestRuleOptions): FormProblem[] {
  const problems: FormProblem[] = [];
  if (form.namespace === '' || dns1123LabelProblems(form.namespace).length > 0) problems.push({ step: 'basic', field: 'namespace', code: 'namespace.invalid' });
  if (form.type !== 'headless-external-name') problems.push(...pairProblems('settings', 'selector', form.selector));
  problems.push(...pairProblems('labels', 'labels', form.labels));
  problems.push(...validateServiceManifest(manifest, options).map((p) => placeManifestProblem(p, form)));
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.path ?? ''}|${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The form fields an edit changed, named as problems name them (name, ports.0.port, labels.1.key …):
 * a field's problem shows once the user has touched it, not while the form is still blank.
 */
export function changedFields(before: ServiceForm, after: ServiceForm): string[] {
  const fields: string[] = [];
  for (const key of Object.keys(after) as Array<keyof ServiceForm>) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (Array.isArray(b) && key !== 'loadBalancerSourceRanges') {
      const rows = b as unknown as Array<Record<string, unknown>>;
      const old = (a ?? []) as unknown as Array<Record<string, unknown>>;
      rows.forEach((row, i) => {
        for (const part of Object.keys(row)) if (JSON.stringify(row[part]) !== JSON.stringify(old[i]?.[part])) fields.push(`${key}.${i}.${part}`);
      });
      fields.push(key);
    } else if (key === 'loadBalancerSourceRanges') {
      (b as string[]).forEach((value, i) => { if (value !== (a as string[])[i]) fields.push(`${key}.${i}`); });
    } else {
      fields.push(key);
    }
  }
  return fields;
}

/** Problems that stop Create: all but those only the cluster can decide. */
export const blocking = (problems: FormProblem[]): FormProblem[] => problems.filter((p) => !p.clusterDecides);

/** Which steps have problems that block, for the step bar (not those of fields the form does not show). */
export function stepsWithProblems(problems: FormProblem[]): Set<WizardStep> {
  return new Set(blocking(problems).filter((p) => p.field !== 'manifest').map((p) => p.step));
}

/**
 * A server's refusal placed on the form's fields: each cause on the field it names (the name when
 * it names none), "already exists" on the name, and RBAC's answer on the namespace.
 */
export function serverProblemsByField(reason: string, message: string, problems: Array<{ field: string | null; message: string }>): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const p of problems) {
    const field = p.field ? formFieldOf(p.field) : 'name';
    fields[field] = [...(fields[field] ?? []), p.message];
  }
  if (reason === 'exists') fields.name = [message];
  if (reason === 'forbidden') fields.namespace = [message];
  return fields;
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
