import { execFile } from 'node:child_process';
import { commandOnPath } from '../../../lib/commandOnPath.js';

/**
 * Tells systemd the launcher is ready and alive (Type=notify, WatchdogSec),
 * through the systemd-notify command (NotifyAccess=all in the unit), so no
 * native module is needed. Outside systemd (no NOTIFY_SOCKET) it does nothing.
 */
export function systemdNotifier(): { ready(): void; watchdog(alive: () => boolean): () => void } {
  const active = Boolean(process.env.NOTIFY_SOCKET) && commandOnPath('systemd-notify');
  const send = (state: string) => {
    if (active) execFile('systemd-notify', [`--pid=${process.pid}`, state], () => undefined);
  };
  return {
    ready: () => send('READY=1'),
    // Half the watchdog period systemd gave: a launcher whose event loop is stuck misses it and is restarted.
    watchdog: (alive) => {
      const periodUs = Number(process.env.WATCHDOG_USEC ?? 0);
      if (!active || periodUs <= 0) return () => undefined;
      const timer = setInterval(() => alive() && send('WATCHDOG=1'), periodUs / 2000);
      return () => clearInterval(timer);
    },
  };
}
