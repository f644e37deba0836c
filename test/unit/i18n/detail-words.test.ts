import { describe, expect, it } from 'vitest';
import { localizeDetail } from '../../../renderer/src/i18n/detail-words';

describe('localizeDetail', () => {
  it("says core's own network words in Chinese and keeps the system's (codes, URLs, the server's messages)", () => {
    expect(localizeDetail('https://10.0.0.1:6443 is unreachable: connection refused (ECONNREFUSED)', 'zh-CN'))
      .toBe('https://10.0.0.1:6443 无法访问：连接被拒绝 (ECONNREFUSED)');
    expect(localizeDetail('https://10.0.0.1:6443 is unreachable: connection timed out (UND_ERR_CONNECT_TIMEOUT)', 'zh-CN'))
      .toBe('https://10.0.0.1:6443 无法访问：连接超时 (UND_ERR_CONNECT_TIMEOUT)');
    expect(localizeDetail('https://127.0.0.1:1 did not answer within 5 s', 'zh-CN')).toBe('https://127.0.0.1:1 在 5 秒内没有应答');
    expect(localizeDetail('services is forbidden: User "x" cannot list', 'zh-CN')).toBe('services is forbidden: User "x" cannot list');
  });

  it('leaves English as it is', () => {
    const detail = 'https://10.0.0.1:6443 is unreachable: connection refused (ECONNREFUSED)';
    expect(localizeDetail(detail, 'en')).toBe(detail);
  });
});
