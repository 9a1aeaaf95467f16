import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/sqlite/database.js';
import { issueSetupPin } from '../../../main/cli/commands/hallSetupPin.js';
import type { RunningTerminal } from '../../../main/cli/runTerminal.js';
import { setupLockedOutEventSchema, setupPinHashSchema, setupPinKey } from '../../../main/contract/setupPin.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { pinMatches } from '../../../main/services/setup/pinHash.js';
import { SetupAccessRepository } from '../../../main/services/setup/setupAccessRepository.js';
import { saveIdentity } from '../../../main/sync/identityStore.js';
import { openHallDatabase } from '../../../upstream/storage/openHallDatabase.js';
import { ChangeLog } from '../../../upstream/sync/changeLog.js';
import { runCli } from '../../support/cliProcess.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';
import { startTestTerminal } from '../../support/testTerminal.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('a hall-issued setup PIN on %s', (backend) => {
  it('reaches the terminal as a hash, replaces the config PIN, and a lockout it earns is reported to the hall', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-K-01-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), await hall.enroll('K-01', { role: 'kiosk' }));
    const pin = await issueSetupPin(new ChangeLog(hall.db), 'K-01', 6);
    expect(pin).toMatch(/^\d{6}$/);

    const start = async () => {
      const terminal = await startTestTerminal(dir, 'demo-kiosk', { upstream: hall.url, hallPingIntervalMs: 200 });
      cleanups.push(() => terminal.stop());
      return terminal;
    };
    const kiosk: RunningTerminal = await start();
    const store = await openDatabase(kiosk.host.databasePath);
    cleanups.push(() => store.close());
    await expect.poll(async () => (await new SetupAccessRepository(store).hallPin()) !== null, { timeout: 10_000 }).toBe(true);

    expect(await kiosk.host.dispatch('setup.unlock', { pin: '246813' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'wrong PIN' },
    });
    expect(await kiosk.host.dispatch('setup.unlock', { pin })).toMatchObject({ ok: true });
    for (let wrong = 1; wrong < 5; wrong += 1) await kiosk.host.dispatch('setup.unlock', { pin: '000000' });
    expect(await kiosk.host.dispatch('setup.unlock', { pin: '000000' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'setup_locked', params: { minutes: 1 } },
    });

    const reported = async () =>
      (
        await hall.db.all<{ terminal_id: string; payload: string }>(
          "SELECT terminal_id, payload FROM terminal_event WHERE type = 'setup.locked-out'",
        )
      ).map((row) => ({
        terminal: row.terminal_id,
        ...setupLockedOutEventSchema.parse(JSON.parse(row.payload)),
      }));
    await expect
      .poll(reported, { timeout: 10_000 })
      .toEqual([{ terminal: 'K-01', terminalId: 'K-01', failures: 5, lockouts: 1, lockedUntil: expect.any(String) }]);
    expect(new Date((await reported())[0]!.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 50_000);

    // A new PIN from the hall is the way out of a lockout.
    const next = await issueSetupPin(new ChangeLog(hall.db), 'K-01', 8);
    await expect.poll(async () => (await kiosk.host.dispatch('setup.unlock', { pin: next })).ok, { timeout: 10_000 }).toBe(true);
  }, 60_000);
});

describe.each(hallBackends())('the config scope on %s', (backend) => {
  it("gives each terminal the hall-wide settings and its own PIN hash, never another terminal's, and moves its cursor past them", async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const log = new ChangeLog(hall.db);
    await issueSetupPin(log, 'K-01', 6);
    await issueSetupPin(log, 'K-02', 6);
    await log.set('config', '*', { idleTimeoutSeconds: 60 });
    const asK02 = new HallClient(await hall.enroll('K-02', { role: 'kiosk' }));
    const page = await asK02.changes('config', 0);
    expect(page.items.map((item) => item.key).sort()).toEqual(['*', setupPinKey('K-02')]);
    expect(page.cursor).toBe((await log.changesSince('config', 0)).cursor);

    // A page of nothing but other terminals' PINs still moves the terminal on.
    await issueSetupPin(log, 'K-01', 6);
    const after = await asK02.changes('config', page.cursor);
    expect(after.items).toEqual([]);
    expect(after.cursor).toBeGreaterThan(page.cursor);
  });
});

describe('onewindow hall setup-pin', () => {
  it('prints a random PIN once and publishes only its scrypt hash for that terminal', async () => {
    const db = path.join(await tempDir(), 'hall.db');
    const issued = await runCli(['hall', 'setup-pin', '--db', db, '--terminal', 'K-07']);
    expect(issued.code).toBe(0);
    const pin = issued.stdout.trim();
    expect(pin).toMatch(/^\d{8}$/);
    expect((await runCli(['hall', 'setup-pin', '--db', db, '--terminal', 'K-07', '--digits', '6'])).stdout.trim()).toMatch(/^\d{6}$/);
    const short = await runCli(['hall', 'setup-pin', '--db', db, '--terminal', 'K-07', '--digits', '4']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--digits');

    const hall = await openHallDatabase(db);
    try {
      const rows = await hall.all<{ item_key: string; value: string }>(
        "SELECT item_key, value FROM hall_change WHERE scope = 'config' ORDER BY seq",
      );
      expect(rows.map((row) => row.item_key)).toEqual(['setup-pin:K-07', 'setup-pin:K-07']);
      expect(rows[0]!.value).not.toContain(pin);
      const record = setupPinHashSchema.parse(JSON.parse(rows[0]!.value));
      expect(await pinMatches(record, pin)).toBe(true);
      expect(await pinMatches(record, '12345678')).toBe(pin === '12345678');
    } finally {
      await hall.close();
    }
  }, 60_000);
});
