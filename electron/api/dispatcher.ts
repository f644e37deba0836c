// Runs in main (and the browser-transport server): validates a call against the contract, runs the
// handler, and answers with a result envelope. Transports only move bytes; all checks happen here.
import * as v from 'valibot';
import { isMethodName, methods, type MethodInput, type MethodName, type MethodOutput } from './contract';
import { toApiError } from './portolan-error';
import type { ApiResult } from './types';

export type ApiHandlers = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

export function createDispatcher(handlers: ApiHandlers): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `no such method: ${String(method)}` } };
    }
    const parsed = v.safeParse(methods[method].input, input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-input', message: `${method}: ${v.summarize(parsed.issues)}` } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.output) };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  };
}
