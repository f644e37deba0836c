// Core's own words inside an Explanation's detail ("… is unreachable: connection refused
// (ECONNREFUSED)"), said in the user's language. The system's words (error codes, server URLs,
// the server's own messages) stay as they are; only the phrases core writes around them change.
import type { Locale } from './locales';

type Rewrite = [RegExp, string];

const ZH_CN: Rewrite[] = [
  [/^(\S+) is unreachable: /, '$1 无法访问：'],
  [/^(\S+) did not answer within (\d+) s$/, '$1 在 $2 秒内没有应答'],
  [/^TLS to (\S+) failed: /, '与 $1 的 TLS 连接失败：'],
  [/^could not get credentials: /, '无法获取凭据：'],
  [/\bconnection refused\b/, '连接被拒绝'],
  [/\bhost name not found\b/, '找不到主机名'],
  [/\bhost name lookup failed\b/, '主机名解析失败'],
  [/\bconnection timed out\b/, '连接超时'],
  [/\bconnection reset\b/, '连接被重置'],
  [/\bhost unreachable\b/, '主机不可达'],
  [/\bnetwork unreachable\b/, '网络不可达'],
  [/\bconnection closed\b/, '连接已关闭'],
  [/\bbad port\b/, '端口无效'],
];

const REWRITES: Partial<Record<Locale, Rewrite[]>> = { 'zh-CN': ZH_CN };

export function localizeDetail(detail: string, locale: string): string {
  return (REWRITES[locale as Locale] ?? []).reduce((text, [pattern, words]) => text.replace(pattern, words), detail);
}
