// A desktop app started from the dock or a launcher gets a minimal PATH, so exec credential plugins
// (gke-gcloud-auth-plugin, aws, kubelogin, …) are not found. kubectl in a terminal sees the login
// shell's PATH; ask that shell for it, as terminal-launched tools would see it.
import { execFile } from 'node:child_process';
import { delimiter } from 'node:path';

const MARK = '__PORTOLAN_PATH__';

export function loginShellPath(shell = process.env.SHELL, timeoutMs = 3000): Promise<string | null> {
  if (process.platform === 'win32' || !shell) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(shell, ['-ilc', `printf '${MARK}%s${MARK}' "$PATH"`], { timeout: timeoutMs, env: { ...process.env, DISABLE_AUTO_UPDATE: 'true' } },
      (error, stdout) => {
        const found = new RegExp(`${MARK}(.*)${MARK}`).exec(stdout ?? '')?.[1];
        resolve(error || !found ? null : found);
      });
  });
}

/** PATH with the login shell's entries first, then any of the current ones it lacks. */
export function mergePaths(loginPath: string | null, current: string | undefined): string | undefined {
  if (!loginPath) return current;
  const entries = [...loginPath.split(delimiter), ...(current ?? '').split(delimiter)].filter(Boolean);
  return [...new Set(entries)].join(delimiter);
}
