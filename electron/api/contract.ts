// The one contract between core and the renderer: every method with the runtime schema of its input
// and the type of its output, and every event with its payload type. Main, preload, the browser
// transport and the renderer all derive their code from this list.
import * as v from 'valibot';
import type { ApiResult, ContextList, VersionInfo } from './types';

interface MethodSpec<S extends v.GenericSchema, O> {
  input: S;
  /** Type-level only: the method's output type. */
  output?: O;
}

function method<O>(): <S extends v.GenericSchema>(input: S) => MethodSpec<S, O> {
  return (input) => ({ input });
}

const noInput = v.undefined();

export const methods = {
  version: method<VersionInfo>()(noInput),
  listContexts: method<ContextList>()(noInput),
};

/** Event names and their payload types. */
export interface ApiEvents {
  contextsChanged: ContextList;
}

export type MethodName = keyof typeof methods;
export type EventName = keyof ApiEvents;
export const methodNames = Object.keys(methods) as MethodName[];

export type MethodInput<M extends MethodName> = v.InferOutput<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<(typeof methods)[M]['output']>;

type Call<I, O> = [I] extends [undefined] ? () => Promise<O> : (input: I) => Promise<O>;

export type Unsubscribe = () => void;
export type EventListener<E extends EventName> = (payload: ApiEvents[E]) => void;

/** What the renderer programs against: one async function per method, plus events. */
export type PortolanApi = { [M in MethodName]: Call<MethodInput<M>, MethodOutput<M>> } & {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
};

/**
 * What a transport carries: the same methods, answering with a result envelope instead of throwing,
 * so errors keep their code across contextBridge and HTTP. The preload exposes exactly this.
 */
export type PortolanBridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
} & {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
};

/** The name under which the bridge is exposed on `window`. */
export const BRIDGE_NAME = 'portolan';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
