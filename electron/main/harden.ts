// The window-level security rules, with electron types only, so a test can drive them with fakes:
// no navigation away from the app, no new windows (http(s) links open in the system browser), no
// <webview>, and every permission request denied.
import type { Event, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { APP_ORIGIN } from './app-protocol';

export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export function hardenWebContents(
  contents: HardenableContents, isAppUrl: (url: string) => boolean, openExternal: (url: string) => void,
  mayOpen: (url: string) => boolean,
): void {
  contents.on('will-navigate', (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: Event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }: HandlerDetails): WindowOpenHandlerResponse => {
    // Only the web addresses core built for a Service shown in a detail view (its LoadBalancer or
    // NodePort address) leave the app, to the system browser; anything else a page asks for, nowhere.
    if (/^https?:\/\//.test(url) && mayOpen(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Which URLs are the app itself: the dev server in `electron-vite dev`, else the app:// origin. */
export function appUrlMatcher(devServerUrl: string | undefined): (url: string) => boolean {
  // protocol + host, not URL.origin: Node's URL gives 'null' as the origin of a scheme it does not know.
  const app = new URL(devServerUrl ?? APP_ORIGIN);
  return (url) => {
    try {
      const candidate = new URL(url);
      return candidate.protocol === app.protocol && candidate.host === app.host && candidate.username === '' && candidate.password === '';
    } catch {
      return false;
    }
  };
}
