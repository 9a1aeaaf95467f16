import { describe, expect, it } from 'vitest';
import { ReceiptPrinterSimulator } from '../../drivers/receipt-printer/receiptPrinterSimulator.js';
import type { DeviceStatus } from '../../main/contract/status.js';
import { DeviceManager } from '../../main/devices/deviceManager.js';
import { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { recordingLogger } from '../support/silentLogger.js';

describe('device manager with a network receipt printer', () => {
  it('reports paper out before a citizen starts, and reconnects after the printer is switched off and on', async () => {
    let simulator = await ReceiptPrinterSimulator.start();
    const port = simulator.port;
    const statuses: DeviceStatus[] = [];
    const device = new ReceiptPrinterDevice({ port: `tcp://127.0.0.1:${port}`, model: 'epson', baudRate: 9600 }, 'K-01');
    const manager = new DeviceManager([device], {
      logger: recordingLogger().logger,
      healthIntervalMs: 50,
      onStatus: (status) => statuses.push(status),
    });
    manager.start();
    const last = () => statuses.at(-1);
    try {
      await expect.poll(last).toEqual({ role: 'receiptPrinter', state: 'ready', detail: null });
      expect(await manager.test('receiptPrinter')).toEqual({ ok: true, code: 'printed', detail: '', message: 'printed a test page' });
      expect(simulator.receipts[0]?.lines.map((line) => line.text)).toContain('OneWindow 测试页 Test page');

      simulator.status = { ...simulator.status, paperNearEnd: true };
      await expect.poll(last).toEqual({ role: 'receiptPrinter', state: 'warning', detail: 'paper_near_end' });
      simulator.status = { ...simulator.status, paperOut: true };
      await expect.poll(last).toEqual({ role: 'receiptPrinter', state: 'fault', detail: 'paper_out' });
      expect(await manager.test('receiptPrinter')).toEqual({
        ok: false,
        code: 'paper-out',
        detail: '',
        message: 'not printed (refused: paper out)',
      });

      await simulator.stop();
      await expect.poll(() => statuses.map((status) => status.detail), { timeout: 5000 }).toContain('not_responding');
      await expect.poll(() => last()?.detail, { timeout: 5000 }).toBe('disconnected');

      simulator = await ReceiptPrinterSimulator.start(port);
      await expect.poll(last, { timeout: 10_000 }).toEqual({ role: 'receiptPrinter', state: 'ready', detail: null });
    } finally {
      await manager.stop();
      await simulator.stop();
    }
  }, 30_000);
});
