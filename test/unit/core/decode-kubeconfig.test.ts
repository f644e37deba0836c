// What kubectl refuses in a kubeconfig document, named by field (the same cases run against kubectl
// itself in test/integration/kubeconfig-vs-kubectl.test.ts).
import { describe, expect, it } from 'vitest';
import { kubeconfigProblem } from '../../../electron/core/kubeconfig/decode-kubeconfig';
import { parseKubeconfig } from '../../../electron/core/kubeconfig/parse-kubeconfig';

const problemOf = (text: string): unknown => {
  const parsed = parseKubeconfig(text);
  if (!parsed.ok) throw new Error(parsed.detail);
  return kubeconfigProblem(parsed.doc);
};

describe('kubeconfigProblem', () => {
  it('accepts what kubectl accepts: missing kind and apiVersion, nulls, unknown fields, base64 across lines', () => {
    expect(problemOf('clusters:\n- name: a\n  cluster: {server: https://a, shiny: [1]}\n')).toBeNull();
    expect(problemOf('clusters: null\nusers: [null]\ncontexts:\n- name: null\n  context: null\n')).toBeNull();
    expect(problemOf('clusters:\n- name: a\n  cluster: {certificate-authority-data: "YWJj\\nZA=="}\n')).toBeNull();
  });
  it('names the field whose type is wrong', () => {
    expect(problemOf('clusters:\n  a: {}\n')).toEqual({ code: 'file.wrongType', field: 'clusters', expected: 'list', found: 'mapping' });
    expect(problemOf('clusters:\n- name: a\n  cluster: {insecure-skip-tls-verify: "true"}\n'))
      .toEqual({ code: 'file.wrongType', field: 'clusters[0].cluster.insecure-skip-tls-verify', expected: 'boolean', found: 'string' });
    expect(problemOf('contexts:\n- name: yes\n')).toEqual({ code: 'file.wrongType', field: 'contexts[0].name', expected: 'string', found: 'boolean' });
    expect(problemOf('users:\n- name: u\n  user: {exec: {args: [1]}}\n')).toEqual({ code: 'file.wrongType', field: 'users[0].user.exec.args[0]', expected: 'string', found: 'number' });
    expect(problemOf('users:\n- name: u\n  user: {client-key-data: "%%%"}\n')).toEqual({ code: 'file.badBase64', field: 'users[0].user.client-key-data' });
  });
  it('refuses a name twice in one list, another kind and another version', () => {
    expect(problemOf('users:\n- name: u\n- name: u\n')).toEqual({ code: 'file.duplicateName', list: 'users', name: 'u' });
    expect(problemOf('clusters:\n- name: c\n  cluster:\n    extensions:\n    - name: e\n    - name: e\n'))
      .toEqual({ code: 'file.duplicateName', list: 'clusters[0].cluster.extensions', name: 'e' });
    expect(problemOf('apiVersion: apps/v1\nkind: Deployment\n')).toEqual({ code: 'file.wrongKind', apiVersion: 'apps/v1', kind: 'Deployment' });
    expect(problemOf('apiVersion: v2\n')).toEqual({ code: 'file.wrongKind', apiVersion: 'v2', kind: 'Config' });
  });
});

describe('parseKubeconfig in kubectl\'s dialect', () => {
  it('inherits merge keys, takes the last of a duplicate key, reads the first document only, keeps timestamps as text', () => {
    const parsed = parseKubeconfig('b: &b {server: x}\nc:\n  <<: *b\n  when: 2001-12-14\n  server: y\n  server: z\n---\n: broken [\n');
    expect(parsed).toEqual({ ok: true, doc: { b: { server: 'x' }, c: { server: 'z', when: '2001-12-14' } } });
  });
  it('reads JSON as JSON, and ignores a byte order mark', () => {
    expect(parseKubeconfig('\uFEFF{"current-context":"a","current-context":"b"}')).toEqual({ ok: true, doc: { 'current-context': 'b' } });
  });
});

describe('parse errors', () => {
  it('say where the text broke and never quote it (a kubeconfig is full of secrets)', () => {
    const cases: Array<[string, string]> = [
      ['users:\n- name: u\n  user: {token: s3cret-token-value}\n c: [\n', 'line 4, column 1'],
      ['{"users": [{"user": {"token": "s3cret-token-value"}}] x}', 'line 1, column 55 (not valid JSON)'],
      ['token: *s3cret-token-value\n', 'an alias (*name) refers to no anchor'],
    ];
    for (const [text, where] of cases) {
      const parsed = parseKubeconfig(text);
      expect(parsed.ok).toBe(false);
      const detail = parsed.ok ? '' : parsed.detail;
      expect(detail).toContain(where);
      expect(detail).not.toContain('s3cret');
    }
  });
});
