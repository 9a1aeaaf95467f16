import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import type { IdCardReaderDevice } from '../../main/devices/idCardReaderDevice.js';
import { HallClient } from '../../main/sync/hallClient.js';
import { saveIdentity } from '../../main/sync/identityStore.js';
import { startLoopbackHall } from '../support/hallOnLoopback.js';
import { startTestTerminal } from '../support/testTerminal.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dispatch(terminal: RunningTerminal, method: string, input: unknown = {}): Promise<unknown> {
  const answer = await terminal.host.dispatch(method as never, input as never);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result;
}

/** A queue change at the hall, and the moment the kiosk has pulled it. */
async function queueChange(issuing: HallClient, kiosk: RunningTerminal): Promise<void> {
  const pulled = new Promise<void>((resolve) => {
    const unsubscribe = kiosk.host.events.subscribe((event) => {
      if (event !== 'queue.changed') return;
      unsubscribe();
      resolve();
    });
  });
  await issuing.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
  await pulled;
}

describe('the nightly restart, in a running kiosk host with its hall on loopback', () => {
  it("restarts at the hall's reset hour once the citizen in a session has finished, not before", async () => {
    // The clock alone is moved (timers run as they do): 01:00 in Shanghai, the demo hall's zone; it resets at 04:00.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-11-30T17:00:00.000Z'));
    const hall = await startLoopbackHall();
    cleanups.push(() => hall.close());
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-nightly-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), await hall.enroll('K-01', { role: 'kiosk' }));
    const restarts: Date[] = [];
    const kiosk = await startTestTerminal(
      dir,
      'demo-kiosk',
      { upstream: hall.url, hallPingIntervalMs: 200 },
      {
        care: { restart: () => restarts.push(new Date()) },
      },
    );
    cleanups.push(() => kiosk.stop());
    const issuing = new HallClient(await hall.enroll('K-02', { role: 'kiosk' }));
    await vi.waitFor(
      async () => expect(((await dispatch(kiosk, 'queue.overview')) as { services: unknown[] }).services.length).toBeGreaterThan(0),
      {
        timeout: 15_000,
      },
    );
    await queueChange(issuing, kiosk);
    expect(restarts).toEqual([]);

    // Two seconds before the hour a citizen comes to the kiosk (the session first, then a look at the clock):
    // when the hour comes, the restart waits.
    vi.setSystemTime(new Date('2026-11-30T19:59:58.000Z'));
    kiosk.host.devices.device<IdCardReaderDevice>('idCardReader')!.simulator!.insert(demoCards.resident);
    await dispatch(kiosk, 'citizen.readCard', { waitSeconds: 5 });
    await queueChange(issuing, kiosk);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(Date.now()).toBeGreaterThan(Date.parse('2026-11-30T20:00:00.000Z'));
    await queueChange(issuing, kiosk);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(restarts).toEqual([]);
    expect(await dispatch(kiosk, 'citizen.current')).toMatchObject({ citizen: expect.objectContaining({ source: 'card' }) });

    await dispatch(kiosk, 'citizen.end');
    await queueChange(issuing, kiosk);
    await vi.waitFor(() => expect(restarts).toHaveLength(1), { timeout: 5000 });
    expect(restarts[0]!.getTime()).toBeGreaterThan(Date.parse('2026-11-30T20:00:00.000Z'));
  }, 60_000);
});
