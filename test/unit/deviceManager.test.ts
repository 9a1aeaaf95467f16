import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../main/contract/status.js';
import { DeviceManager } from '../../main/devices/deviceManager.js';
import type { DeviceHealth, ManagedDevice } from '../../main/devices/managedDevice.js';
import { reconnectDelayMs } from '../../lib/backoff.js';
import { recordingLogger } from '../support/silentLogger.js';

describe('reconnect backoff', () => {
  it('doubles from 500 ms up to 30 s, with at most 20 % jitter below', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(reconnectDelayMs(20, () => 1)).toBe(30_000);
    expect(reconnectDelayMs(0, () => 0)).toBe(400);
    expect(reconnectDelayMs(1000, () => 0.5)).toBe(27_000);
  });
});

/** A device whose answers the test scripts: a stand-in for the manager's rules, not for a driver. */
class ScriptedDevice implements ManagedDevice {
  readonly role = 'receiptPrinter' as const;
  readonly address = 'tcp://127.0.0.1:9100';
  connects = 0;
  plugged = true;
  health: DeviceHealth = { state: 'ready', detail: null };
  async connect() {
    this.connects += 1;
    if (!this.plugged) throw new Error('ECONNREFUSED');
  }
  async check() {
    if (!this.plugged) throw new Error('no answer');
    return this.health;
  }
  async test() {
    return { ok: true, code: 'printed' as const, detail: '', message: 'printed' };
  }
  async disconnect() {}
}

describe('device manager', () => {
  it('connects, reports health changes, and reconnects after an unplug', async () => {
    const device = new ScriptedDevice();
    const statuses: DeviceStatus[] = [];
    const manager = new DeviceManager([device], {
      logger: recordingLogger().logger,
      healthIntervalMs: 20,
      onStatus: (status) => statuses.push(status),
    });
    manager.start();
    await expect.poll(() => statuses.at(-1)).toEqual({ role: 'receiptPrinter', state: 'ready', detail: null });
    expect(statuses[0]).toEqual({ role: 'receiptPrinter', state: 'unknown', detail: 'connecting' });

    device.health = { state: 'fault', detail: 'paper_out' };
    await expect.poll(() => statuses.at(-1)).toEqual({ role: 'receiptPrinter', state: 'fault', detail: 'paper_out' });

    device.plugged = false;
    await expect.poll(() => statuses.map((status) => status.detail)).toContain('not_responding');
    await expect.poll(() => statuses.at(-1)?.detail, { timeout: 5000 }).toBe('disconnected');
    const connectsWhileUnplugged = device.connects;

    device.plugged = true;
    device.health = { state: 'ready', detail: null };
    await expect.poll(() => statuses.at(-1), { timeout: 5000 }).toEqual({ role: 'receiptPrinter', state: 'ready', detail: null });
    expect(device.connects).toBeGreaterThan(connectsWhileUnplugged);
    expect(await manager.test('receiptPrinter')).toEqual({ ok: true, code: 'printed', detail: '', message: 'printed' });
    expect(await manager.test('ledDisplay')).toEqual({
      ok: false,
      code: 'not-configured',
      detail: 'ledDisplay',
      message: 'no ledDisplay is configured on this terminal',
    });
    await manager.stop();
  });
});
