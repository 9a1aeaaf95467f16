import type { App } from 'electron';

/**
 * Restarts the app (remote care's restart, the nightly restart). Under systemd
 * (INVOCATION_ID set) it only exits and the unit's Restart=always starts it
 * again: a relaunched copy would be killed with the unit's control group.
 * Elsewhere it relaunches itself.
 */
export function restartApp(app: Pick<App, 'relaunch' | 'exit'>, env: NodeJS.ProcessEnv = process.env): void {
  if (!env.INVOCATION_ID) app.relaunch();
  app.exit(0);
}
