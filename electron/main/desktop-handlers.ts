// What the desktop app changes in core's handlers: kubeconfig files (and the drafts folder) are chosen in the system's own
// open dialog, run by main, never typed by the page (a compromised page could otherwise make core
// read any path). No electron import: main passes the dialog in, and a test passes a fake.
import type { ApiHandlers } from '../api/dispatcher';
import { PortolanError } from '../api/portolan-error';

/** Opens the open dialog; the chosen path, or null when the user cancelled. */
export type ChooseFile = () => Promise<string | null>;

/** Opens the folder dialog (the drafts folder); the chosen folder, or null when the user cancelled. */
export type ChooseFolder = () => Promise<string | null>;

export function desktopHandlers(core: ApiHandlers, chooseFile: ChooseFile, chooseFolder: ChooseFolder = async () => null): ApiHandlers {
  return {
    ...core,
    addKubeconfigFile: async () => {
      throw new PortolanError('invalid-input', 'in the desktop app, kubeconfig files are chosen in the open dialog (Add a kubeconfig file…)');
    },
    chooseKubeconfigFile: async () => {
      const path = await chooseFile();
      return path === null ? null : core.addKubeconfigFile({ path });
    },
    // The drafts folder too: a page that could name any folder could read every YAML file in it.
    setDraftFolder: async ({ path }) => {
      if (path !== null) throw new PortolanError('invalid-input', 'in the desktop app, the drafts folder is chosen in the folder dialog (Choose folder…)');
      return core.setDraftFolder({ path: null });
    },
    chooseDraftFolder: async () => {
      const path = await chooseFolder();
      return path === null ? null : core.setDraftFolder({ path });
    },
  };
}
