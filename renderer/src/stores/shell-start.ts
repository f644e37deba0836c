// What the shell asks core first: the contexts, the sidebar's remembered choices and the connections
// core holds already. main.ts asks before the shell's first render, so the answers are on their way
// while it renders (the Services list of a remembered selection starts that much sooner).
import type { Pinia } from 'pinia';
import { initialSelection } from '../../../electron/api/list-scopes';
import { useConnectionsStore } from './connections';
import { useContextsStore } from './contexts';
import { useSidebarStore } from './sidebar';

export async function startShell(pinia: Pinia): Promise<void> {
  const contexts = useContextsStore(pinia);
  const sidebar = useSidebarStore(pinia);
  await Promise.all([contexts.load(), sidebar.load(), useConnectionsStore(pinia).load()]);
  // First start (nothing selected or remembered): show the current context. Nothing else is
  // assigned: an assignment is saved back to core.
  const first = contexts.list ? initialSelection(sidebar.selected, contexts.list) : sidebar.selected;
  if (first.length > 0 && first !== sidebar.selected) sidebar.selected = first;
}
