import type { Logger } from '../../../lib/logger.js';
import type { CareCommandMessage, CareResult } from '../../contract/remoteCare.js';
import type { DeviceManager } from '../../devices/deviceManager.js';
import type { TerminalSync } from '../../sync/terminalSync.js';
import type { ScreenControl } from './screenControl.js';

export interface RemoteCareOptions {
  sync: TerminalSync;
  devices: DeviceManager;
  logger: Logger;
  /** The newest log lines: this process's, or under the launcher the ones it kept (the hosts before a crash too). */
  logLines(count: number): string[] | Promise<string[]>;
  /** The screen, where whoever runs the host can reach it (Electron, or the browser `start` launched). */
  screen: ScreenControl | null;
  /** Restarts the host (after its result went to the hall); null where nothing would start it again. */
  restart: (() => void) | null;
}

type Outcome = Omit<CareResult, 'id'>;

/**
 * Runs the care commands the hall sends down the live channel and posts
 * each result back, signed. A command delivered again (the hall resends
 * what it has no result for after a reconnect) is not run twice: its result
 * is posted again.
 */
export function startRemoteCare(options: RemoteCareOptions): void {
  const handled = new Map<string, CareResult | 'running'>();

  const post = async (result: CareResult) => {
    await options.sync.client!.careResult(result);
    options.logger.info({ command: result.id, ok: result.ok }, 'care command result sent to the hall');
  };

  const run = async (command: CareCommandMessage): Promise<Outcome> => {
    const { screen } = options;
    switch (command.action) {
      case 'reload':
        if (!screen) return { ok: false, message: 'no screen this host can reach (started without a browser it launched)' };
        await screen.reload();
        return { ok: true, message: 'the screen was reloaded' };
      case 'screenshot': {
        if (!screen) return { ok: false, message: 'no screen this host can reach (started without a browser it launched)' };
        const png = await screen.capture();
        return { ok: true, message: `screenshot taken (${png.length} bytes)`, png: png.toString('base64') };
      }
      case 'restart':
        return options.restart
          ? { ok: true, message: 'restarting the host' }
          : { ok: false, message: 'nothing here would start the host again' };
      case 'test-receipt': {
        // The staff page reads the English message; the code is for the terminal's own screens.
        const { ok, message } = await options.devices.test('receiptPrinter');
        return { ok, message };
      }
      case 'logs': {
        const lines = await options.logLines(command.lines);
        return { ok: true, message: `${lines.length} log lines`, lines };
      }
      case 'apply-config':
        await options.sync.pullAndWait('config');
        return { ok: true, message: "pulled and applied the hall's configuration" };
    }
  };

  options.sync.onCareCommand((command) => {
    const earlier = handled.get(command.id);
    if (earlier === 'running') return;
    if (earlier) {
      void post(earlier).catch((error: unknown) => options.logger.warn({ err: error }, 'could not send a care result to the hall'));
      return;
    }
    handled.set(command.id, 'running');
    options.logger.info({ command: command.id, action: command.action }, 'care command from the hall');
    void (async () => {
      let outcome: Outcome;
      try {
        outcome = await run(command);
      } catch (error) {
        outcome = { ok: false, message: (error as Error).message };
      }
      const result = { id: command.id, ...outcome };
      handled.set(command.id, result);
      try {
        await post(result);
      } catch (error) {
        options.logger.warn({ err: error }, 'could not send a care result to the hall; it goes when the hall sends the command again');
        return;
      }
      if (command.action === 'restart' && result.ok) options.restart!();
    })();
  });
}
