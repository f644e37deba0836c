// Turns a bridge (result envelopes) into the API the renderer uses (throws PortolanError).
import { methodNames, type PortolanApi, type PortolanBridge } from './contract';
import { PortolanError } from './portolan-error';
import type { ApiResult } from './types';

export function createApiClient(bridge: PortolanBridge): PortolanApi {
  const api: Record<string, unknown> = {
    on: bridge.on.bind(bridge),
  };
  for (const name of methodNames) {
    const call = bridge[name] as (input: unknown) => Promise<ApiResult<unknown>>;
    api[name] = async (input?: unknown) => {
      const result = await call(input);
      if (!result.ok) throw new PortolanError(result.error.code, result.error.message);
      return result.value;
    };
  }
  return api as PortolanApi;
}
