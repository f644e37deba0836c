// Which (context, namespace) scopes a live list follows, and which contexts a page shows first:
// shared by the renderer (it subscribes to them) and core (it starts their lists while the page loads).
import type { ContextList } from './kubeconfig-types';

export interface Scope {
  context: string;
  /** null: all namespaces */
  namespace: string | null;
}

/** One key per scope (a context and a namespace, or all of them), for maps of scopes. */
export const scopeKey = (scope: Scope): string => `${scope.context}|${scope.namespace ?? '*'}`;

/** The scopes a list follows: per context, its chosen namespaces, or all of them when none is chosen. */
export function listScopes(contexts: string[], namespacesOf: (context: string) => string[]): Scope[] {
  return contexts.flatMap((context): Scope[] => {
    const chosen = namespacesOf(context);
    return chosen.length === 0 ? [{ context, namespace: null }] : chosen.map((namespace) => ({ context, namespace }));
  });
}

/** The selection a page starts with: the remembered one, or on a first start the current context. */
export function initialSelection(remembered: string[], list: ContextList): string[] {
  if (remembered.length > 0) return remembered;
  const current = list.currentContext;
  return current && list.contexts.some((c) => c.name === current) ? [current] : [];
}

/** The selected contexts a list can show: known, and usable as written. */
export function usableContexts(selected: string[], list: ContextList): string[] {
  return selected.filter((name) => list.contexts.some((c) => c.name === name && !c.problem));
}
