import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import type { IdCardReaderDevice } from '../../main/devices/idCardReaderDevice.js';
import { saveIdentity } from '../../main/sync/identityStore.js';
import { startQueueHall } from '../support/queueHall.js';
import { startTestTerminal } from '../support/testTerminal.js';
import { callHost as call } from '../support/callHost.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The shortest idle rule the configuration allows: warned after 15 s without a call, ended 5 s later. */
const shortIdle = { idleTimeoutSeconds: 15, citizenSession: { endOnCardRemoval: false, idleWarningSeconds: 5 } };

async function identifiedAndConsented(kiosk: RunningTerminal): Promise<void> {
  kiosk.host.devices.device<IdCardReaderDevice>('idCardReader')!.simulator!.insert(demoCards.resident);
  expect((await call(kiosk, 'citizen.readCard', { waitSeconds: 5 })).citizen).not.toBeNull();
  await call(kiosk, 'citizen.consent', {});
}

// The tests wait out real idle timeouts (15 s is the shortest the configuration allows), so they wait side by side.
describe.concurrent('the host ends an idle citizen session by itself, whatever the screen does', () => {
  it('with no call for the timeout plus the warning, lookups and certificates are refused and the identity is gone; a session with activity stays', async ({
    onTestFinished,
  }) => {
    const queueHall = await startQueueHall('sqlite', {}, shortIdle);
    onTestFinished(() => queueHall.close());
    const idle = queueHall.kiosk;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-K-02-'));
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), await queueHall.hall.enroll('K-02', { role: 'kiosk' }));
    const busy = await startTestTerminal(dir, 'demo-kiosk', {
      ...shortIdle,
      terminalId: 'K-02',
      upstream: queueHall.hall.url,
      hallPingIntervalMs: 200,
    });
    onTestFinished(async () => {
      await busy.stop();
      await rm(dir, { recursive: true, force: true });
    });

    const events: [string, unknown][] = [];
    idle.host.events.subscribe((event, payload) => events.push([event, payload]));
    await identifiedAndConsented(idle);
    await identifiedAndConsented(busy);

    // The idle kiosk's screen is gone: no call at all. The busy one looks something up every 4 s.
    const started = Date.now();
    while (Date.now() - started < 21_500) {
      await sleep(4000);
      await call(busy, 'lookups.run', { lookup: 'insured-status', year: null });
    }

    expect(await idle.host.dispatch('lookups.run', { lookup: 'insured-status', year: null })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'not_identified' },
    });
    expect(await idle.host.dispatch('certificates.print', { type: 'insured-status' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'not_identified' },
    });
    expect(await idle.host.dispatch('lookups.print', {})).toMatchObject({ ok: false });
    expect((await call(idle, 'citizen.current', {})).citizen).toBeNull();
    expect(events).toContainEqual(['citizen.idle', { secondsLeft: 5 }]);
    expect(events).toContainEqual(['citizen.ended', { reason: 'idle' }]);
    expect((await call(idle, 'citizen.stillHere', {})).secondsLeft).toBeNull();

    expect((await call(busy, 'citizen.current', {})).citizen).toMatchObject({ consented: true });
    expect((await call(busy, 'certificates.print', { type: 'insured-status' })).outcome).toBe('printed');
  }, 60_000);

  it('"continue" on the countdown (citizen.stillHere) keeps the session past the first deadline', async ({ onTestFinished }) => {
    const queueHall = await startQueueHall('sqlite', {}, shortIdle);
    onTestFinished(() => queueHall.close());
    const kiosk = queueHall.kiosk;
    const warned = new Promise<unknown>((resolve) =>
      kiosk.host.events.subscribe((event, payload) => event === 'citizen.idle' && resolve(payload)),
    );
    await identifiedAndConsented(kiosk);
    expect(await warned).toEqual({ secondsLeft: 5 });
    expect((await call(kiosk, 'citizen.stillHere', {})).secondsLeft).toBe(20);
    await sleep(8000);
    expect((await call(kiosk, 'lookups.run', { lookup: 'insured-status', year: null })).facts.length).toBeGreaterThan(0);
  }, 60_000);

  it("elder mode doubles the host's idle timeout for the session, and the next session starts at the normal one", async ({
    onTestFinished,
  }) => {
    const queueHall = await startQueueHall('sqlite', {}, shortIdle);
    onTestFinished(() => queueHall.close());
    const kiosk = queueHall.kiosk;
    await identifiedAndConsented(kiosk);
    expect((await call(kiosk, 'citizen.stillHere', {})).secondsLeft).toBe(20);
    await call(kiosk, 'citizen.elderMode', { on: true });
    expect((await call(kiosk, 'citizen.stillHere', {})).secondsLeft).toBe(35);
    await call(kiosk, 'citizen.end', {});
    await identifiedAndConsented(kiosk);
    expect((await call(kiosk, 'citizen.stillHere', {})).secondsLeft).toBe(20);
  }, 60_000);
});
