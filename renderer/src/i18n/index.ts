import { createI18n } from 'vue-i18n';
import type { MessageSchema } from './en';
import { DEFAULT_LOCALE, initialLocale, MESSAGES, type Locale } from './locales';

export { LOCALES, type Locale } from './locales';

const STORAGE_KEY = 'portolan.locale';

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(localStorage.getItem(STORAGE_KEY), navigator.languages),
  fallbackLocale: DEFAULT_LOCALE,
  messages: MESSAGES,
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
