import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceReportSchema } from '../../main/contract/deviceReport.js';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { runCli } from '../support/cliProcess.js';
import { startTestTerminal } from '../support/testTerminal.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the device report', () => {
  it('prints terminal, devices with port and state and the last 5 device events on the receipt printer, and the CLI gives the same as JSON', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-report-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'data'));
    const kiosk = await startTestTerminal(dir, 'demo-kiosk');
    let stopped = false;
    cleanups.push(async () => void (stopped || (await kiosk.stop())));
    const ready = async () => (await kiosk.host.dispatch('status.get', {})) as { ok: true; result: { devices: { state: string }[] } };
    await expect
      .poll(async () => (await ready()).result.devices.every((device) => device.state === 'ready'), { timeout: 20_000 })
      .toBe(true);

    const unlocked = (await kiosk.host.dispatch('setup.unlock', { pin: '246813' })) as { ok: true; result: { setupToken: string } };
    const printed = await kiosk.host.dispatch('devices.report', { setupToken: unlocked.result.setupToken });
    expect(printed).toMatchObject({ ok: true, result: { printProblem: null } });
    const report = deviceReportSchema.parse((printed as { result: { report: unknown } }).result.report);
    expect(report).toMatchObject({ terminalId: 'K-01', role: 'kiosk', hall: 'embedded', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.devices).toContainEqual({ role: 'receiptPrinter', port: 'simulator', state: 'ready', detail: null });
    expect(report.events.length).toBeGreaterThan(0);
    expect(report.events.length).toBeLessThanOrEqual(5);
    expect(report.events.at(-1)).toMatchObject({ state: 'ready' });

    const paper = kiosk.host.devices
      .device<ReceiptPrinterDevice>('receiptPrinter')!
      .simulator!.receipts.at(-1)!
      .lines.map((line) => line.text);
    expect(paper).toEqual(
      expect.arrayContaining([
        'OneWindow device report',
        'Terminal K-01 (kiosk)',
        'receiptPrinter simulator: ready',
        'Last device events:',
      ]),
    );
    expect(
      paper.filter((line) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}.* (idCardReader|receiptPrinter|documentPrinter|scanner): /.test(line)),
    ).toHaveLength(report.events.length);

    await kiosk.stop();
    stopped = true;
    const cli = await runCli([
      'devices',
      'report',
      '--json',
      '--config',
      path.join(dir, 'demo-kiosk.json'),
      '--data-dir',
      path.join(dir, 'data'),
    ]);
    expect(cli.stderr).toBe('');
    const fromCli = deviceReportSchema.parse(JSON.parse(cli.stdout));
    expect(fromCli).toMatchObject({ terminalId: 'K-01', role: 'kiosk', hall: 'embedded', events: report.events });
    expect(fromCli.devices.map((device) => `${device.role} ${device.port} ${device.state}`)).toContain('receiptPrinter simulator ready');
  }, 90_000);
});
