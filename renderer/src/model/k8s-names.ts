// Kubernetes name and label syntax, as the API server checks it (apimachinery validation). Pure
// TypeScript: the wizard's form model and its tests use it without a DOM. Each check returns the
// list of problems (empty when valid), as message keys the UI translates.

export type NameProblem =
  | 'required'
  | 'tooLong'
  | 'dns1035Chars'
  | 'dns1035Start'
  | 'dns1123Chars'
  | 'labelValueChars'
  | 'labelKeyPrefix'
  | 'labelKeyName';

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A DNS-1035 label (Service names): a–z, 0–9 and '-', starting with a letter, ending alphanumeric, ≤ 63. */
export function dns1035LabelProblems(value: string): NameProblem[] {
  if (value === '') return ['required'];
  const problems: NameProblem[] = [];
  if (value.length > 63) problems.push('tooLong');
  if (!/^[a-z]/.test(value)) problems.push('dns1035Start');
  if (!DNS1035_LABEL.test(value) && /^[a-z]/.test(value)) problems.push('dns1035Chars');
  return problems;
}

/** A DNS-1123 label (namespaces): a–z, 0–9 and '-', alphanumeric at both ends, ≤ 63. */
export function dns1123LabelProblems(value: string): NameProblem[] {
  if (value === '') return ['required'];
  const problems: NameProblem[] = [];
  if (value.length > 63) problems.push('tooLong');
  if (!DNS1123_LABEL.test(value)) problems.push('dns1123Chars');
  return problems;
}

/** A DNS-1123 subdomain (ExternalName targets, label-key prefixes): dot-separated labels, ≤ 253. */
export function dns1123SubdomainProblems(value: string): NameProblem[] {
  if (value === '') return ['required'];
  const problems: NameProblem[] = [];
  if (value.length > 253) problems.push('tooLong');
  if (!value.split('.').every((label) => DNS1123_LABEL.test(label))) problems.push('dns1123Chars');
  return problems;
}

/** A label key: optional DNS-1123 subdomain prefix and '/', then a qualified name of ≤ 63 characters. */
export function labelKeyProblems(key: string): NameProblem[] {
  if (key === '') return ['required'];
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const problems: NameProblem[] = [];
  if (prefix !== null && dns1123SubdomainProblems(prefix).length > 0) problems.push('labelKeyPrefix');
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) problems.push('labelKeyName');
  return problems;
}

/** A label value: empty, or ≤ 63 characters of alphanumerics, '-', '_' and '.', alphanumeric at both ends. */
export function labelValueProblems(value: string): NameProblem[] {
  if (value === '') return [];
  const problems: NameProblem[] = [];
  if (value.length > 63) problems.push('tooLong');
  if (!QUALIFIED_NAME.test(value)) problems.push('labelValueChars');
  return problems;
}

/** IANA_SVC_NAME, what a named targetPort must be: ≤ 15 of a–z, 0–9, '-', a letter somewhere, no '--' or edge '-'. */
export function isIanaServiceName(value: string): boolean {
  return value.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(value) && /[a-z]/.test(value) && !value.includes('--');
}

/** The API server's default node port range (--service-node-port-range); a cluster may set another. */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };
