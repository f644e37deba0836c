// The sidebar's state, remembered across restarts.
export type SidebarGrouping = 'file' | 'server';

/** The sidebar's state, remembered across restarts. */
export interface UiState {
  pinned: string[];
  /** Contexts shown side by side. */
  selected: string[];
  /** Chosen namespaces per context; an empty list means all namespaces. */
  namespaces: Record<string, string[]>;
  groupBy: SidebarGrouping;
}
