import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../../main/contract/health.js';
import type { ReceiptPrinterDevice } from '../../../main/devices/receiptPrinterDevice.js';
import { saveIdentity } from '../../../main/sync/identityStore.js';
import { ChangeLog } from '../../../upstream/sync/changeLog.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';
import { startTestTerminal } from '../../support/testTerminal.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())("a terminal's heartbeat to the hall on %s", (backend) => {
  it('carries version, role, devices, backlog, last pull, config applied, disk, memory and the screen shown, and beats at once on a device change', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-K-01-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), await hall.enroll('K-01', { role: 'kiosk' }));
    // Ten minutes between beats: any later beat this test sees was sent for a device change.
    const kiosk = await startTestTerminal(dir, 'demo-kiosk', { upstream: hall.url, hallPingIntervalMs: 200, heartbeatSeconds: 600 });
    cleanups.push(() => kiosk.stop());
    const latest = async () => {
      const row = await hall.db.get<{ beat: string }>("SELECT beat FROM terminal_health WHERE terminal_id = 'K-01'");
      return row ? (JSON.parse(row.beat) as Heartbeat) : null;
    };
    await expect.poll(latest, { timeout: 15_000 }).toMatchObject({ terminalId: 'K-01', version: '0.1.0', role: 'kiosk' });
    const beat = (await latest())!;
    expect(beat).toMatchObject({ window: null, intervalSeconds: 600 });
    expect(beat.freeMemoryBytes).toBeGreaterThan(0);
    expect(beat.freeDiskBytes).toBeGreaterThan(0);

    // The hall sets this terminal's config; once applied, the renderer names a screen, then the paper runs out.
    await new ChangeLog(hall.db).set('config', 'K-01', { idleTimeoutSeconds: 60 });
    await expect
      .poll(async () => {
        const info = await kiosk.host.dispatch('terminal.info', {});
        return info.ok && (info.result as { idleTimeoutSeconds: number }).idleTimeoutSeconds;
      })
      .toBe(60);
    expect(await kiosk.host.dispatch('terminal.screenShown', { screen: 'Kiosk Home!' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('screen') },
    });
    expect(await kiosk.host.dispatch('terminal.screenShown', { screen: 'kiosk/certificates' })).toMatchObject({ ok: true });
    kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!.status.paperOut = true;

    await expect
      .poll(async () => (await latest())?.devices.find((device) => device.role === 'receiptPrinter'), { timeout: 20_000 })
      .toEqual({ role: 'receiptPrinter', state: 'fault', detail: 'paper_out' });
    const faulted = (await latest())!;
    expect(faulted.screen).toBe('kiosk/certificates');
    expect(faulted.lastPullAt).not.toBeNull();
    const published = await hall.db.get<{ seq: number }>("SELECT MAX(seq) AS seq FROM hall_change WHERE scope = 'config'");
    expect(faulted.configApplied).toBeGreaterThanOrEqual(Number(published!.seq));
  });
});
