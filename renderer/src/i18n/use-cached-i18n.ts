// useI18n with `t` remembering the words of keys that take no arguments, per language. vue-i18n
// builds a message context on every call; the Services page renders once per frame while rows
// arrive, with dozens of fixed words (column names, menu items), which made translating them a tenth
// of the page's work. Words with arguments are translated each time, as before.
import { useI18n } from 'vue-i18n';

type Composer = ReturnType<typeof useI18n>;

export function useCachedI18n(): Pick<Composer, 't' | 'locale'> {
  const i18n = useI18n();
  const words = new Map<string, string>();
  let wordsLocale = '';
  const plain = i18n.t as (...args: unknown[]) => string;
  const t = (...args: unknown[]): string => {
    if (args.length !== 1 || typeof args[0] !== 'string') return plain(...args);
    // Read on every call: a render that used t depends on the language, as with vue-i18n's own t.
    const locale = i18n.locale.value;
    if (locale !== wordsLocale) {
      words.clear();
      wordsLocale = locale;
    }
    let word = words.get(args[0]);
    if (word === undefined) {
      word = plain(args[0]);
      words.set(args[0], word);
    }
    return word;
  };
  return { t: t as Composer['t'], locale: i18n.locale as Composer['locale'] };
}
