import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import { saveIdentity } from '../../main/sync/identityStore.js';
import { startLoopbackHall, type HallBackend, type LoopbackHall, type LoopbackHallOptions } from './hallOnLoopback.js';
import { startTestTerminal } from './testTerminal.js';
import type { TerminalBinding } from '../../main/contract/hallProtocol.js';

export interface QueueHall {
  hall: LoopbackHall;
  kiosk: RunningTerminal;
  counter: RunningTerminal;
  display: RunningTerminal;
  close(): Promise<void>;
}

/**
 * A real hall server on loopback and the three demo terminals (kiosk,
 * counter at window 3 with its LED, display) enrolled with it, each a real
 * host with its HTTP bridge and simulated devices; ready once the kiosk has
 * pulled the hall's queue services.
 */
export async function startQueueHall(
  backend: HallBackend = 'sqlite',
  options: LoopbackHallOptions = {},
  kioskChanges: Record<string, unknown> = {},
  /** Where the kiosk reaches the hall (e.g. through a proxy started here); the hall's own URL by default. */
  kioskRoute: (hallUrl: string) => Promise<{ url: string; close: () => Promise<void> }> = async (url) => ({
    url,
    close: async () => undefined,
  }),
): Promise<QueueHall> {
  const hall = await startLoopbackHall(backend, options);
  const stops: (() => Promise<void>)[] = [() => hall.close()];
  const close = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const start = async (
      profile: string,
      id: string,
      binding: TerminalBinding,
      changes: Record<string, unknown> = {},
      hallUrl = hall.url,
    ) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), `onewindow-${id}-`));
      await mkdir(path.join(dir, 'data'));
      await saveIdentity(path.join(dir, 'data'), { ...(await hall.enroll(id, binding)), hallUrl });
      const terminal = await startTestTerminal(dir, profile, { upstream: hallUrl, hallPingIntervalMs: 200, ...changes });
      stops.push(async () => {
        await terminal.stop();
        await rm(dir, { recursive: true, force: true });
      });
      return terminal;
    };
    const route = await kioskRoute(hall.url);
    stops.push(route.close);
    const kiosk = await start('demo-kiosk', 'K-01', { role: 'kiosk' }, kioskChanges, route.url);
    const counter = await start('demo-counter', 'C-03', { role: 'counter', window: 3 });
    const display = await start('demo-display', 'D-01', { role: 'display' });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const overview = await kiosk.host.dispatch('queue.overview', {});
      if (overview.ok && (overview.result as { services: unknown[] }).services.length > 0) break;
      if (Date.now() > deadline) throw new Error('the kiosk did not receive the hall queue services within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { hall, kiosk, counter, display, close };
  } catch (error) {
    await close();
    throw error;
  }
}
