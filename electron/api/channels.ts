import type { MethodName } from './contract';

export const EVENT_CHANNEL = 'portolan:event';

export function channelOf(method: MethodName): string {
  return `portolan:call:${method}`;
}
