// The cached t against vue-i18n's own: the same words in every language, with and without
// arguments, the cache following a change of language, and calls it cannot key passed through.
import { describe, expect, it } from 'vitest';
import { createSSRApp, defineComponent, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createI18n, useI18n } from 'vue-i18n';
import { useCachedI18n } from '../../../renderer/src/i18n/use-cached-i18n';

const messages: Record<string, Record<string, string>> = {
  en: { columns: 'Columns', count: 'no Services | one Service | {n} Services', hello: 'Hello {name}', list: 'Hello {0} and {1}' },
  zh: { columns: '列', count: '{n} 个服务', hello: '你好 {name}', list: '你好 {0} 和 {1}' },
};

async function render(locale: 'en' | 'zh', switchTo?: 'en' | 'zh'): Promise<string> {
  const i18n = createI18n<false>({ legacy: false, locale: locale as string, fallbackLocale: 'en', messages });
  const app = createSSRApp(defineComponent({
    setup() {
      const cached = useCachedI18n();
      const plain = useI18n();
      return () => {
        const words = (t: (...args: never[]) => string): string => [t('columns' as never), t('columns' as never), t('count' as never, 3 as never), t('count' as never, 1 as never),
          t('hello' as never, { name: 'Ada' } as never), t('hello' as never, { name: 'Bo' } as never), t('list' as never, ['Ada', 'Bo'] as never)].join('|');
        const first = `${words(cached.t)} = ${words(plain.t)}`;
        if (!switchTo) return h('p', first);
        (cached.locale as { value: string }).value = switchTo;
        return h('p', `${first} / ${words(cached.t)} = ${words(plain.t)}`);
      };
    },
  }));
  app.use(i18n);
  return renderToString(app);
}

/** The words each render gives, in English and in Chinese. */
const en = 'Columns|Columns|3 Services|one Service|Hello Ada|Hello Bo|Hello Ada and Bo';
const zh = '列|列|3 个服务|1 个服务|你好 Ada|你好 Bo|你好 Ada 和 Bo';

describe('useCachedI18n', () => {
  it('gives the words vue-i18n gives, with and without arguments, in each language', async () => {
    expect(await render('en')).toBe(`<p>${en} = ${en}</p>`);
    expect(await render('zh')).toBe(`<p>${zh} = ${zh}</p>`);
  });

  it('forgets the remembered words when the language changes', async () => {
    expect(await render('en', 'zh')).toBe(`<p>${en} = ${en} / ${zh} = ${zh}</p>`);
  });
});
