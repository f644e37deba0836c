// Data that crosses the boundary between core and the renderer, one file per domain. Nothing here
// may carry a credential: a context is described by names, server URL and the *kind* of auth it
// uses, never the secret itself.
export type * from './explanations';
export type * from './kubeconfig-types';
export type * from './transport-types';
export type * from './connection-types';
export type * from './ui-state-types';
export type * from './service-types';
export type * from './row-types';
export type * from './manifest-types';
export type * from './draft-types';
export type * from './port-forward-types';
