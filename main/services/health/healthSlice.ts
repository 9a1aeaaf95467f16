import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../../../kiosk-config/paths.js';
import type { RpcHandlers } from '../../contract/rpc.js';
import type { DeviceStatus, TerminalStatus } from '../../contract/status.js';
import type { HostParts } from '../hostParts.js';
import { collectBeat } from './heartbeat.js';
import { HeartbeatSender } from './heartbeatSender.js';

/**
 * The terminal's health towards the hall: a heartbeat every
 * `heartbeatSeconds` (when enrolled), at once on a device change, carrying
 * the screen the renderer last said it shows (`terminal.screenShown`).
 */
export async function createHealthSlice(
  { db, config, sync, events, logger }: Pick<HostParts, 'db' | 'config' | 'sync' | 'events' | 'logger'>,
  dataDir: string,
  status: () => TerminalStatus,
): Promise<{ handlers: Pick<RpcHandlers, 'terminal.screenShown'>; start(): void; stop(): Promise<void> }> {
  const { version } = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  let screen: string | null = null;
  const client = sync.client;
  const sender = client
    ? new HeartbeatSender({
        client,
        logger,
        intervalMs: config.heartbeatSeconds * 1000,
        collect: () => collectBeat({ db, config, version, dataDir, status, lastPullAt: () => sync.lastPullAt, screen: () => screen }),
      })
    : null;
  let devices = JSON.stringify(status().devices);
  const unsubscribe = events.subscribe((event, payload) => {
    if (event !== 'status.changed') return;
    const now = JSON.stringify((payload as { devices: DeviceStatus[] }).devices);
    if (now === devices) return;
    devices = now;
    sender?.beatNow();
  });
  return {
    handlers: {
      'terminal.screenShown': async ({ screen: shown }) => {
        screen = shown;
        return {};
      },
    },
    start: () => sender?.start(),
    stop: async () => {
      unsubscribe();
      await sender?.stop();
    },
  };
}
