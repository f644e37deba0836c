import { describe, expect, it } from 'vitest';
import {
  dns1035LabelProblems, dns1123LabelProblems, dns1123SubdomainProblems, labelKeyProblems, labelValueProblems,
} from '../../../renderer/src/model/k8s-names';

describe('dns1035LabelProblems (Service names)', () => {
  it.each(['a', 'web', 'my-svc-2', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(dns1035LabelProblems(name)).toEqual([]);
  });
  it.each([
    ['', ['required']],
    ['1abc', ['dns1035Start']],
    ['-abc', ['dns1035Start']],
    ['Web', ['dns1035Start']],
    ['web-', ['dns1035Chars']],
    ['web_1', ['dns1035Chars']],
    ['wEb', ['dns1035Chars']],
    ['a'.repeat(64), ['tooLong']],
  ])('rejects %j with %j', (name, problems) => {
    expect(dns1035LabelProblems(name)).toEqual(problems);
  });
});

describe('dns1123LabelProblems (namespaces)', () => {
  it('accepts labels that may start with a digit', () => {
    expect(dns1123LabelProblems('team-a')).toEqual([]);
    expect(dns1123LabelProblems('1st')).toEqual([]);
  });
  it('rejects empty, upper case, underscores, edge dashes and over 63 characters', () => {
    expect(dns1123LabelProblems('')).toEqual(['required']);
    expect(dns1123LabelProblems('Bad_Name')).toEqual(['dns1123Chars']);
    expect(dns1123LabelProblems('-x')).toEqual(['dns1123Chars']);
    expect(dns1123LabelProblems('x'.repeat(64))).toEqual(['tooLong']);
  });
});

describe('dns1123SubdomainProblems (ExternalName)', () => {
  it('accepts host names', () => {
    expect(dns1123SubdomainProblems('db.example.com')).toEqual([]);
    expect(dns1123SubdomainProblems('1st.example')).toEqual([]);
  });
  it('rejects upper case, empty labels and overlong names', () => {
    expect(dns1123SubdomainProblems('DB.example.com')).toEqual(['dns1123Chars']);
    expect(dns1123SubdomainProblems('a..b')).toEqual(['dns1123Chars']);
    expect(dns1123SubdomainProblems(`${'a'.repeat(63)}.`.repeat(4) + 'com')).toContain('tooLong');
  });
});

describe('labelKeyProblems', () => {
  it.each(['app', 'app.kubernetes.io/name', 'a_b.c-d', 'kubesphere.io/alias-name'])('accepts %s', (key) => {
    expect(labelKeyProblems(key)).toEqual([]);
  });
  it.each([
    ['', ['required']],
    ['-app', ['labelKeyName']],
    ['Example.com/app', ['labelKeyPrefix']],
    ['example.com/', ['labelKeyName']],
    ['a'.repeat(64), ['labelKeyName']],
  ])('rejects %j', (key, problems) => {
    expect(labelKeyProblems(key)).toEqual(problems);
  });
});

describe('labelValueProblems', () => {
  it('accepts empty and qualified values', () => {
    expect(labelValueProblems('')).toEqual([]);
    expect(labelValueProblems('v1.2_3-x')).toEqual([]);
  });
  it('rejects values with spaces, edge punctuation or over 63 characters', () => {
    expect(labelValueProblems('my app')).toEqual(['labelValueChars']);
    expect(labelValueProblems('v1-')).toEqual(['labelValueChars']);
    expect(labelValueProblems('x'.repeat(64))).toEqual(['tooLong']);
  });
});
