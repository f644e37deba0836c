// kubectl's credential precedence, and the token file read the way client-go reads it (the header a
// real API server receives is compared with kubectl's in test/integration/credentials-vs-kubectl.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialPlan, ExtraAuthorization, TokenFileSource } from '../../../electron/core/kubeconfig/user-credentials';

const exec = { command: 'plugin', apiVersion: 'client.authentication.k8s.io/v1' };

describe('credentialPlan', () => {
  it('runs no exec plugin when a token, basic auth or a client certificate is there', () => {
    expect(credentialPlan({ exec, token: 't' }).exec).toBeNull();
    expect(credentialPlan({ exec, username: 'u', password: 'p' }).exec).toBeNull();
    expect(credentialPlan({ exec, 'client-certificate-data': 'Y2VydA==' }).exec).toBeNull();
    expect(credentialPlan({ exec, 'client-certificate': '/c.crt' }).exec).toBeNull();
    // Core runs the plugin (exec-credentials.ts), never client-node.
    expect(credentialPlan({ exec })).toMatchObject({ exec, user: {} });
  });
  it('refuses the combinations kubectl refuses, in kubectl\'s words', () => {
    expect(() => credentialPlan({ token: 't', username: 'u' })).toThrow('username/password or bearer token may be set, but not both');
    expect(() => credentialPlan({ tokenFile: '/t', password: 'p' })).toThrow('but not both');
    expect(() => credentialPlan({ exec, 'auth-provider': { name: 'oidc' } })).toThrow('execProvider and authProvider cannot be used in combination');
    expect(() => credentialPlan({ 'auth-provider': { name: 'gcp' } })).toThrow('The gcp auth plugin has been removed');
    expect(() => credentialPlan({ 'auth-provider': { name: 'azure' } })).toThrow('The azure auth plugin has been removed');
  });
  it('reads a token file itself, with the inline token as its fallback, and sends basic auth itself', () => {
    expect(credentialPlan({ token: 'inline', tokenFile: '/t' })).toMatchObject({ tokenFile: { path: '/t', fallback: 'inline' }, basic: null });
    expect(credentialPlan({ token: 'inline', tokenFile: '/t' }).user).toEqual({});
    expect(credentialPlan({ password: 'p' }).basic).toBe(`Basic ${Buffer.from(':p').toString('base64')}`);
    expect(credentialPlan({ username: 'u', password: 'p', 'auth-provider': { name: 'oidc' } }).user).toEqual({});
  });
});

describe('TokenFileSource', () => {
  it('trims, keeps a token for 50 s, follows a rotated file, and keeps the last good token when the file goes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portolan-token-')), 'token');
    let now = 0;
    const source = new TokenFileSource(file, null, () => now);
    writeFileSync(file, '  first\n');
    expect(await source.token()).toBe('first');
    writeFileSync(file, 'second\n');
    now = 49_000;
    expect(await source.token()).toBe('first');
    now = 51_000;
    expect(await source.token()).toBe('second');
    rmSync(file);
    now = 200_000;
    expect(await source.token()).toBe('second');
  });
  it('falls back to the inline token, and otherwise says which file it could not read', async () => {
    const missing = join(tmpdir(), 'portolan-no-such-token-file');
    expect(await new TokenFileSource(missing, 'inline').token()).toBe('inline');
    await expect(new TokenFileSource(missing, null).token()).rejects.toThrow(`cannot read the token file ${missing}`);
    const empty = join(mkdtempSync(join(tmpdir(), 'portolan-token-')), 'token');
    writeFileSync(empty, ' \n');
    await expect(new TokenFileSource(empty, null).token()).rejects.toThrow('read empty token from file');
  });
});

describe('ExtraAuthorization', () => {
  it('puts the server URL\'s user info first, then the token file, then basic auth', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portolan-token-')), 'token');
    writeFileSync(file, 'from-file');
    const plan = { tokenFile: { path: file, fallback: null }, basic: null };
    expect(await new ExtraAuthorization(plan, 'https://u%40x:p%20w@h').header()).toBe(`Basic ${Buffer.from('u@x:p w').toString('base64')}`);
    expect(await new ExtraAuthorization(plan, 'https://h').header()).toBe('Bearer from-file');
    expect(await new ExtraAuthorization({ tokenFile: null, basic: 'Basic x' }, 'https://h').header()).toBe('Basic x');
    expect(await new ExtraAuthorization({ tokenFile: null, basic: null }, 'https://h').header()).toBeNull();
  });
});
