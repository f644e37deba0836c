import { createI18n } from 'vue-i18n';
import en, { type MessageSchema } from './en';
import zhCN from './zh-CN';

export const LOCALES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type Locale = (typeof LOCALES)[number]['code'];

const STORAGE_KEY = 'portolan.locale';

export function initialLocale(saved: string | null, browser: readonly string[]): Locale {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return browser.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(localStorage.getItem(STORAGE_KEY), navigator.languages),
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
