import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/api/client';
import { methodNames, type PortolanBridge } from '../../../electron/api/contract';
import { createDispatcher, type ApiHandlers } from '../../../electron/api/dispatcher';
import { PortolanError } from '../../../electron/api/portolan-error';

const unused = async (): Promise<never> => {
  throw new Error('not used in this test');
};
const handlers: ApiHandlers = {
  ...(Object.fromEntries(methodNames.map((m) => [m, unused])) as unknown as ApiHandlers),
  version: async () => ({ app: '1.0.0', node: '24', electron: null, platform: 'linux', transport: 'browser' }),
  listContexts: async () => {
    throw new Error('disk on fire');
  },
};

describe('createDispatcher', () => {
  const dispatch = createDispatcher(handlers);

  it('answers a valid call with its value', async () => {
    expect(await dispatch('version', undefined)).toEqual({ ok: true, value: expect.objectContaining({ app: '1.0.0' }) });
  });

  it('refuses methods the contract does not list, including prototype names', async () => {
    for (const name of ['nope', 'toString', '__proto__', 42]) {
      expect(await dispatch(name, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('refuses input that does not match the method schema', async () => {
    expect(await dispatch('version', { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('turns a thrown error into an error value', async () => {
    expect(await dispatch('listContexts', undefined)).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
  });
});

describe('createApiClient', () => {
  it('exposes one function per contract method, unwraps values and throws PortolanError with the code', async () => {
    const dispatch = createDispatcher(handlers);
    const bridge = Object.fromEntries(methodNames.map((m) => [m, (input: unknown) => dispatch(m, input)])) as unknown as PortolanBridge;
    bridge.on = () => () => undefined;
    const api = createApiClient(bridge);
    expect((await api.version()).app).toBe('1.0.0');
    const error = await api.listContexts().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortolanError);
    expect(error).toMatchObject({ code: 'internal', message: 'disk on fire' });
  });
});
