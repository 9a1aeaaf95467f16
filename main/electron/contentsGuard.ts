import type { App, Session, WebContents } from 'electron';
import { isAppOrigin } from './appProtocol.js';

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on' | 'closeDevTools'>;

/**
 * Every web page Electron creates — the terminal's windows and anything a
 * page might try to open — is held to the app: no new windows, no
 * navigation or redirect off the app's origin, no <webview>, and no
 * DevTools unless the terminal was started for development. Registered on
 * `web-contents-created`, so it also covers contents the app did not make.
 */
export function guardWebContents(contents: GuardedContents, options: { devTools: boolean }): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppOrigin(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
}

export function guardAllWebContents(app: Pick<App, 'on'>, options: { devTools: boolean }): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}

/**
 * No role needs a browser permission: the display speaks through Web Audio
 * and speech synthesis, which ask for none; a camera, microphone, location
 * or notification request is refused, and permission checks say no.
 */
export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));
  session.setPermissionCheckHandler(() => false);
}
