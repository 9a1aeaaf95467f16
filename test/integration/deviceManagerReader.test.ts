import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import { IdCardSimulator } from '../../drivers/id-card/idCardSimulator.js';
import { openPtyPair } from '../../drivers/serial/ptyPair.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';
import type { DeviceStatus } from '../../main/contract/status.js';
import { DeviceManager } from '../../main/devices/deviceManager.js';
import { IdCardReaderDevice } from '../../main/devices/idCardReaderDevice.js';
import { recordingLogger } from '../support/silentLogger.js';

/** A serial ID-card reader "plugged in" at a fixed path: a pty pair whose far end runs the simulator. */
async function plugIn(dir: string) {
  const pty = await openPtyPair({ dir });
  const port = await openSerialBytePort({ path: pty.simulatorPath, baudRate: 115200 });
  const simulator = new IdCardSimulator(port);
  simulator.insert(demoCards.resident);
  return {
    devicePath: pty.devicePath,
    unplug: async () => {
      simulator.close();
      await port.close();
      await pty.close();
    },
  };
}

describe('device manager with a serial ID-card reader', () => {
  it('reports the reader gone when its pty is killed, and ready again when it is plugged back in', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-replug-'));
    let reader = await plugIn(dir);
    const statuses: DeviceStatus[] = [];
    const device = new IdCardReaderDevice({ port: `serial:${reader.devicePath}`, baudRate: 115200 }, 300);
    const manager = new DeviceManager([device], {
      logger: recordingLogger().logger,
      healthIntervalMs: 50,
      onStatus: (status) => statuses.push(status),
    });
    const last = () => statuses.at(-1);
    manager.start();
    try {
      await expect.poll(last).toEqual({ role: 'idCardReader', state: 'ready', detail: null });
      expect(await manager.test('idCardReader')).toEqual({
        ok: true,
        code: 'card-read',
        detail: '110***********002X',
        message: 'read a resident card, number 110***********002X',
      });

      await reader.unplug();
      await expect.poll(() => last()?.state, { timeout: 5000 }).toBe('fault');
      await expect.poll(() => last()?.detail, { timeout: 5000 }).toBe('disconnected');

      reader = await plugIn(dir);
      await expect.poll(last, { timeout: 15_000 }).toEqual({ role: 'idCardReader', state: 'ready', detail: null });
      expect((await manager.test('idCardReader')).ok).toBe(true);
    } finally {
      await manager.stop();
      await reader.unplug();
      await rm(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
