// The one table of languages: the language menu, the first choice for a new user and the message
// tests all read it. Adding a language is a messages file typed as MessageSchema and a row here.
import en, { type MessageSchema } from './en';
import zhCN from './zh-CN';

export const LOCALE_TABLE = {
  en: { label: 'English', messages: en, browser: /^en\b/i },
  'zh-CN': { label: '简体中文', messages: zhCN, browser: /^zh\b/i },
} satisfies Record<string, { label: string; messages: MessageSchema; browser: RegExp }>;

export type Locale = keyof typeof LOCALE_TABLE;
export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALES = (Object.keys(LOCALE_TABLE) as Locale[]).map((code) => ({ code, label: LOCALE_TABLE[code].label }));

const isLocale = (value: string | null): value is Locale => value !== null && Object.hasOwn(LOCALE_TABLE, value);

/**
 * The saved choice if it is one of ours; else a translation any of the browser's languages asks for
 * (a Chinese reader whose system lists English first still gets Chinese); else English.
 */
export function initialLocale(saved: string | null, browser: readonly string[]): Locale {
  if (isLocale(saved)) return saved;
  const asked = LOCALES.find(({ code }) => code !== DEFAULT_LOCALE && browser.some((tag) => LOCALE_TABLE[code].browser.test(tag)));
  return asked?.code ?? DEFAULT_LOCALE;
}

export const MESSAGES = Object.fromEntries(LOCALES.map(({ code }) => [code, LOCALE_TABLE[code].messages])) as Record<Locale, MessageSchema>;
