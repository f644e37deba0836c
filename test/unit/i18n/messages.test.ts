// Every message in both languages compiles and renders (vue-i18n parses messages at run time, so a
// stray '{', '@' or '|' would only show in front of a user), fills every placeholder, and the
// Explanation sentences keep the server's or system's words intact.
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import en from '../../../renderer/src/i18n/en';
import { initialLocale, LOCALES, MESSAGES } from '../../../renderer/src/i18n/locales';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}

const i18n = createI18n({ legacy: false, locale: 'en', messages: MESSAGES, missingWarn: false, fallbackWarn: false });
const { t } = i18n.global;

function source(tree: Tree, key: string): string {
  return key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;
}

/** Renders a message with a value named after each placeholder; returns what is wrong, or null. */
function check(tree: Tree, key: string): string | null {
  const raw = source(tree, key);
  const names = [...raw.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const values = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
  let text: string;
  try {
    // Plural messages ("a | b | c") pick a form by count; the others are rendered as they are.
    text = raw.includes('|') ? t(key, 3) : t(key, values);
  } catch (error) {
    return `${key}: ${(error as Error).message}`;
  }
  if (text === key) return `${key}: not found`;
  if (raw.includes('|')) return null;
  const missing = names.filter((name) => !text.includes(`<${name}>`));
  return missing.length ? `${key}: ${missing.join(', ')} not filled in "${text}"` : null;
}

describe('messages', () => {
  const keys = keysOf(en as unknown as Tree);

  for (const { code: locale } of LOCALES) {
    const tree = MESSAGES[locale];
    it(`all ${keys.length} compile and render in ${locale}, with every placeholder filled`, () => {
      i18n.global.locale.value = locale;
      const broken = keys.map((key) => check(tree as unknown as Tree, key)).filter((problem) => problem !== null);
      expect(broken).toEqual([]);
    });
  }

  it('uses the same placeholders in every language as in English (a translation loses no name or detail)', () => {
    const placeholders = (tree: Tree, key: string): string =>
      [...new Set([...source(tree, key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => name !== 'n' && name !== 'count'))].sort().join();
    for (const { code } of LOCALES) {
      const differing = keys.filter((key) => placeholders(en as unknown as Tree, key) !== placeholders(MESSAGES[code] as unknown as Tree, key));
      expect(differing, code).toEqual([]);
    }
  });

  it('starts in the saved language, else in a translation the browser asks for, else English', () => {
    expect(initialLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLocale('en', ['zh-CN'])).toBe('en');
    expect(initialLocale('fr', ['en-US', 'zh-TW'])).toBe('zh-CN');
    expect(initialLocale(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(initialLocale(null, [])).toBe('en');
  });

  it('pluralises counts in English and keeps them in Chinese', () => {
    i18n.global.locale.value = 'en';
    expect(t('wizard.jsonDropsComments', 1)).toContain('drops the comment line');
    expect(t('wizard.jsonDropsComments', 3)).toContain('drops 3 comment lines');
    i18n.global.locale.value = 'zh-CN';
    expect(t('wizard.jsonDropsComments', 3)).toContain('丢弃 3 行注释');
  });

  it('says an Explanation with the system words as they are, in both languages', () => {
    const detail = 'https://10.0.0.1:6443 is unreachable: connection refused (ECONNREFUSED)';
    i18n.global.locale.value = 'en';
    expect(t('explain.connection.unreachable', { detail })).toBe(`${detail}. Check the server URL, your network or VPN, and that the cluster is running.`);
    i18n.global.locale.value = 'zh-CN';
    expect(t('explain.connection.unreachable', { detail })).toBe(`${detail}。请检查服务器地址、网络或 VPN，以及集群是否在运行。`);
  });
});
