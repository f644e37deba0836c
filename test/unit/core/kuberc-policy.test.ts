// kubectl's credential plugin policy as Portolan reads it (compared with kubectl itself in
// test/integration/credentials-vs-kubectl.test.ts).
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPluginPolicy, kubercPath, readPluginPolicy } from '../../../electron/core/kubeconfig/kuberc-policy';

const home = mkdtempSync(join(tmpdir(), 'portolan-kuberc-'));
const policy = (body: string): ReturnType<typeof readPluginPolicy> => {
  const file = join(home, `kuberc-${Math.random()}`);
  writeFileSync(file, `apiVersion: kubectl.config.k8s.io/v1beta1\nkind: Preference\n${body}\n`);
  return readPluginPolicy({ KUBERC: file }, home);
};

describe('kuberc credential plugin policy', () => {
  it('is found where kubectl looks, and is off with KUBERC=off', () => {
    expect(kubercPath({}, '/h')).toBe('/h/.kube/kuberc');
    expect(kubercPath({ KUBERC: '/x/rc' }, '/h')).toBe('/x/rc');
    expect(kubercPath({ KUBERC: 'off' }, '/h')).toBeNull();
    expect(readPluginPolicy({ KUBERC: join(home, 'none') }, home)).toEqual({ type: 'AllowAll' });
  });
  it('validates as kubectl does, and a policy it cannot read refuses every plugin', () => {
    expect(policy('credentialPluginPolicy: DenyAll')).toEqual({ type: 'DenyAll' });
    expect(policy('credentialPluginPolicy: Allowlist\ncredentialPluginAllowlist: [{name: a}, {command: /b/c}]')).toEqual({ type: 'Allowlist', commands: ['a', '/b/c'] });
    expect(policy('credentialPluginPolicy: Allowlist')).toMatchObject({ type: 'invalid', reason: expect.stringContaining('allowlist is unspecified') });
    expect(policy('credentialPluginPolicy: DenyAll\ncredentialPluginAllowlist: [{command: a}]')).toMatchObject({ type: 'invalid' });
    expect(policy('credentialPluginPolicy: Allowlist\ncredentialPluginAllowlist: [{}]')).toMatchObject({ reason: expect.stringContaining('empty allowlist entry #1') });
    expect(policy('credentialPluginPolicy: Allowlist\ncredentialPluginAllowlist: [{command: ./a}]')).toMatchObject({ reason: 'non-normalized file path: "./a" vs "a"' });
    expect(policy('credentialPluginPolicy: Sometimes')).toMatchObject({ reason: 'unknown plugin policy: "Sometimes"' });
    expect(() => checkPluginPolicy({ type: 'invalid', reason: 'r' }, 'x')).toThrow('no credential plugin may run');
  });
  it('matches an allowlist entry after resolving both sides on PATH', () => {
    const bin = join(home, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'plugin'), '#!/bin/sh\n');
    chmodSync(join(bin, 'plugin'), 0o755);
    const env = { PATH: bin };
    expect(() => checkPluginPolicy({ type: 'Allowlist', commands: ['plugin'] }, join(bin, 'plugin'), env)).not.toThrow();
    expect(() => checkPluginPolicy({ type: 'Allowlist', commands: [join(bin, 'plugin')] }, 'plugin', env)).not.toThrow();
    expect(() => checkPluginPolicy({ type: 'Allowlist', commands: ['other'] }, 'plugin', env)).toThrow('is not permitted by the credential plugin allowlist');
    expect(() => checkPluginPolicy({ type: 'Allowlist', commands: ['plugin'] }, 'missing', env)).toThrow('cannot be resolved');
    expect(() => checkPluginPolicy({ type: 'DenyAll' }, 'plugin', env)).toThrow('not allowed: policy set to "DenyAll"');
  });
});
