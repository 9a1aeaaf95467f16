import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../lib/logger.js';
import { runTerminal, type RunningTerminal } from '../../../main/cli/runTerminal.js';
import { carePaths, type CareCommand } from '../../../main/contract/remoteCare.js';
import type { ReceiptPrinterDevice } from '../../../main/devices/receiptPrinterDevice.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { saveIdentity } from '../../../main/sync/identityStore.js';
import { CareCommands, ChangeLog } from '../../../upstream/entry/index.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';
import { startTestTerminal } from '../../support/testTerminal.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function staffApi(hall: LoopbackHall) {
  const cookie = await hall.staffCookie();
  return {
    send: async (body: Record<string, unknown>) => {
      const response = await fetch(`${hall.url}${carePaths.commands}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as CareCommand };
    },
    get: async (id: string) =>
      (await (await fetch(`${hall.url}${carePaths.commands}/${id}`, { headers: { cookie } })).json()) as CareCommand,
    screenshot: (id: string) => fetch(`${hall.url}${carePaths.commands}/${id}/screenshot.png`, { headers: { cookie } }),
  };
}

const finished = (command: CareCommand) => ['done', 'failed', 'expired'].includes(command.state);

describe.each(hallBackends())('remote care from the hall, hall on %s', (backend) => {
  it('a technician prints a test receipt, fetches logs and applies config on a running kiosk; commands wait for an offline one; results are kept with who asked', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const dir = await tempDir();
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), { ...(await hall.enroll('K-01', { role: 'kiosk' })), hallUrl: hall.url });
    // The first run writes the config; runs after it reuse it, logging through createLogger like the CLI (its lines are what `logs` returns).
    const first = await startTestTerminal(dir, 'demo-kiosk', { upstream: hall.url, hallPingIntervalMs: 200 });
    await first.stop();
    let kiosk: RunningTerminal | null = null;
    const startKiosk = async () => {
      kiosk = await runTerminal({
        configFile: path.join(dir, 'demo-kiosk.json'),
        dataDir: path.join(dir, 'data'),
        port: 0,
        logger: createLogger('info', { write: () => undefined }),
      });
    };
    cleanups.push(async () => void (await kiosk?.stop()));
    await startKiosk();
    const api = await staffApi(hall);
    const printer = kiosk!.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!;
    await expect
      .poll(() => kiosk!.host.dispatch('status.get', {}).then((status) => JSON.stringify(status)), { timeout: 15_000 })
      .toContain('"state":"online"');

    await expect
      .poll(async () => JSON.stringify(await kiosk!.host.dispatch('status.get', {})), { timeout: 15_000 })
      .toContain('{"role":"receiptPrinter","state":"ready"');
    const receiptsBefore = printer.printed;
    const test = await api.send({ terminal: 'K-01', action: 'test-receipt' });
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ terminalId: 'K-01', action: 'test-receipt', requestedBy: 'test-staff' });
    await expect.poll(async () => (await api.get(test.body.id)).state, { timeout: 15_000 }).toBe('done');
    expect(printer.printed).toBe(receiptsBefore + 1);
    expect((await api.get(test.body.id)).message).toBe('printed a test page');

    const logs = await api.send({ terminal: 'K-01', action: 'logs', lines: 500 });
    await expect.poll(async () => (await api.get(logs.body.id)).state, { timeout: 15_000 }).toBe('done');
    const lines = (await api.get(logs.body.id)).logLines!;
    expect(lines.some((line) => line.includes('"msg":"host started"') && line.includes('"terminalId":"K-01"'))).toBe(true);

    await new ChangeLog(hall.db).set('config', 'K-01', { idleTimeoutSeconds: 45 });
    const apply = await api.send({ terminal: 'K-01', action: 'apply-config' });
    await expect.poll(async () => (await api.get(apply.body.id)).state, { timeout: 15_000 }).toBe('done');
    expect(await kiosk!.host.dispatch('terminal.info', {})).toMatchObject({ ok: true, result: { idleTimeoutSeconds: 45 } });

    // Served without a browser it launched, the host has no screen to capture: it says so.
    const noScreen = await api.send({ terminal: 'K-01', action: 'screenshot' });
    await expect.poll(async () => (await api.get(noScreen.body.id)).state, { timeout: 15_000 }).toBe('failed');
    expect((await api.get(noScreen.body.id)).message).toMatch(/no screen/);
    expect((await api.screenshot(noScreen.body.id)).status).toBe(404);

    // Offline: the command waits in the hall's table; an expired one is never sent.
    await kiosk!.stop();
    kiosk = null;
    const waiting = await api.send({ terminal: 'K-01', action: 'test-receipt' });
    const stale = await new CareCommands(hall.db, () => new Date()).request('K-01', 'restart', 1, 'test', 0);
    expect((await api.get(waiting.body.id)).state).toBe('pending');
    await startKiosk();
    await expect.poll(async () => (await api.get(waiting.body.id)).state, { timeout: 15_000 }).toBe('done');
    expect(await api.get(stale.id)).toMatchObject({ state: 'expired', sentAt: null, message: null });

    // A terminal answers only for its own commands; staff only may send them.
    const pending = await api.send({ terminal: 'K-01', action: 'logs', expiresInSeconds: 60 });
    await expect.poll(async () => finished(await api.get(pending.body.id)), { timeout: 15_000 }).toBe(true);
    const display = new HallClient(await hall.enroll('D-01', { role: 'display' }));
    await expect(display.careResult({ id: pending.body.id, ok: true, message: 'forged' })).rejects.toMatchObject({ status: 409 });
    expect((await api.get(pending.body.id)).message).not.toBe('forged');
    const anonymous = await fetch(`${hall.url}${carePaths.commands}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ terminal: 'K-01', action: 'restart' }),
    });
    expect(anonymous.status).toBe(401);
    expect((await api.send({ terminal: 'K-99', action: 'reload' })).status).toBe(404);
    expect((await api.send({ terminal: 'K-01', action: 'format-disk' })).status).toBe(400);
  }, 120_000);
});
