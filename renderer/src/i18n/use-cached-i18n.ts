// useI18n with `t` remembering the words it gave, per language: for a key alone, a key and a count,
// or a key and named arguments that are text or numbers. vue-i18n builds a message context and
// formats the message on every call; the Services page renders once per frame while rows arrive,
// with dozens of fixed words (column names, menu items) and a label per visible row ("Select web in
// shop on prod"), which made translating a tenth of the page's work. Other arguments (lists, a
// locale or options) are translated each time, as before.
import { useI18n } from 'vue-i18n';

type Composer = ReturnType<typeof useI18n>;

/** More than a few screens of row labels: the words are forgotten and remembered afresh. */
const MOST_WORDS = 4000;

/** The cache key of a call whose words depend only on its key and plain arguments; null for any other call. */
function wordsKey(args: unknown[]): string | null {
  const [key, values] = args;
  if (typeof key !== 'string') return null;
  if (args.length === 1) return key;
  if (args.length !== 2) return null;
  if (typeof values === 'number') return `${key}\u0001${values}`;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  let out = key;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    out += `\u0000${name}\u0000${value}`;
  }
  return out;
}

export function useCachedI18n(): Pick<Composer, 't' | 'locale'> {
  const i18n = useI18n();
  const words = new Map<string, string>();
  let wordsLocale = '';
  const plain = i18n.t as (...args: unknown[]) => string;
  const t = (...args: unknown[]): string => {
    // Read on every call: a render that used t depends on the language, as with vue-i18n's own t.
    const locale = i18n.locale.value;
    const key = wordsKey(args);
    if (key === null) return plain(...args);
    if (locale !== wordsLocale || words.size >= MOST_WORDS) {
      words.clear();
      wordsLocale = locale;
    }
    let word = words.get(key);
    if (word === undefined) {
      word = plain(...args);
      words.set(key, word);
    }
    return word;
  };
  return { t: t as Composer['t'], locale: i18n.locale as Composer['locale'] };
}
