// The redactor every answer, error and event passes through on its way out of core.
import { describe, expect, it } from 'vitest';
import { mergeKubeconfigs } from '../../../electron/core/kubeconfig/merge-kubeconfigs';
import { REDACTED, rememberSecret, SecretRedactor } from '../../../electron/core/secrets/secret-redactor';

const KEY_PEM = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIplantedkeylinesecret\n-----END EC PRIVATE KEY-----\n';
const doc = {
  clusters: [{ name: 'c', cluster: { server: 'https://url-user:url%20pass%20word@h.example' } }],
  users: [
    { name: 'a', user: { token: 'planted-token-aaaa', password: 'pw"with\\quotes', 'client-key-data': Buffer.from(KEY_PEM).toString('base64') } },
    { name: 'b', user: { 'auth-provider': { name: 'oidc', config: { 'id-token': 'planted-id-token', 'refresh-token': 'planted-refresh' } } } },
    { name: 'c', user: { exec: { command: 'x', env: [{ name: 'AWS_SECRET', value: 'planted-env-secret' }] }, password: 'short' } },
  ],
};
const redactor = new SecretRedactor();
redactor.setKubeconfig(mergeKubeconfigs([{ status: { path: '/k', origin: 'env', state: 'ok', problem: null }, doc }]));

describe('SecretRedactor', () => {
  it('cuts every credential of the kubeconfig out of strings, nested values and keys', () => {
    const leaky = {
      message: 'token planted-token-aaaa rejected; id planted-id-token; env planted-env-secret; refresh planted-refresh',
      nested: [{ detail: 'https://url-user:url%20pass%20word@h.example and url pass word' }, 'pw"with\\quotes'],
      'planted-token-aaaa': 1,
      pem: 'key MHcCAQEEIplantedkeylinesecret in an error',
    };
    const safe = redactor.redact(leaky);
    const text = JSON.stringify(safe);
    for (const secret of ['planted-token-aaaa', 'planted-id-token', 'planted-env-secret', 'planted-refresh', 'url%20pass%20word', 'url pass word', 'pw"with\\quotes', 'MHcCAQEEIplantedkeylinesecret']) {
      expect(text.includes(secret) || JSON.stringify(safe).includes(JSON.stringify(secret).slice(1, -1)), secret).toBe(false);
    }
    expect(safe.message).toBe(`token ${REDACTED} rejected; id ${REDACTED}; env ${REDACTED}; refresh ${REDACTED}`);
  });

  it('leaves short values alone, and hands back the very same object when nothing is secret', () => {
    const clean = { rows: [{ name: 'short', user: 'admin' }] };
    expect(redactor.redact(clean)).toBe(clean);
    expect(redactor.redact('a short password')).toBe('a short password');
  });

  it('hands a text transport the JSON it checked: the same object and its text when clean, both redacted when not', () => {
    const clean = { rows: [{ name: 'short', user: 'admin' }] };
    const same = redactor.redactToJson(clean);
    expect(same.value).toBe(clean);
    expect(same.json).toBe(JSON.stringify(clean));
    const leaky = { rows: [{ name: 'svc', note: 'token planted-token-aaaa' }] };
    const cut = redactor.redactToJson(leaky);
    expect(cut.json).toBe(JSON.stringify({ rows: [{ name: 'svc', note: `token ${REDACTED}` }] }));
    expect(cut.json).toBe(JSON.stringify(cut.value));
  });

  it('learns the secrets found while running, and redacts error messages in place', () => {
    rememberSecret('exec-plugin-printed-this');
    const error = new Error('rejected exec-plugin-printed-this');
    expect((redactor.redactError(error) as Error).message).toBe(`rejected ${REDACTED}`);
  });
});
