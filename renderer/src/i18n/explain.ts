// Says a core Explanation in the user's language: the code picks the sentence under `explain`.
import { useI18n } from 'vue-i18n';
import type { Explanation, ExplanationCode } from '../../../electron/api/types';
import { localizeDetail } from './detail-words';
import type { MessageSchema } from './en';

// Every code has words in en (and so in zh-CN, which must have en's keys): a compile error otherwise.
type Words = MessageSchema['explain'];
type HasWords<C extends string> = C extends `${infer G}.${infer K}` ? (G extends keyof Words ? (K extends keyof Words[G] ? true : false) : false) : false;
export const everyCodeHasWords: HasWords<ExplanationCode> extends true ? true : never = true;

export function useExplain(): (explanation: Explanation) => string {
  const { t, locale } = useI18n();
  return (explanation) => {
    const params = explanation.params.detail === undefined ? explanation.params
      : { ...explanation.params, detail: localizeDetail(explanation.params.detail, locale.value) };
    return t(`explain.${explanation.code}`, params);
  };
}
