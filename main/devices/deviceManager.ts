import type { DeviceRole, DeviceStatus } from '../contract/status.js';
import type { Logger } from '../../lib/logger.js';
import { releaseDevice, type ManagedDevice } from './managedDevice.js';
import { deviceTestError, type DeviceTestResult } from '../contract/deviceTest.js';
import { reconnectDelayMs } from '../../lib/backoff.js';

export interface DeviceManagerOptions {
  logger: Logger;
  /** How often a connected device is asked how it is. */
  healthIntervalMs?: number;
  onStatus: (status: DeviceStatus) => void;
}

interface Slot {
  device: ManagedDevice;
  connected: boolean;
  attempt: number;
  timer: NodeJS.Timeout | undefined;
  /** The connect-or-check under way, which stop() waits for before disconnecting. */
  busy: Promise<void> | null;
}

/**
 * Keeps every fitted device connected and watched: connects at start, asks
 * each how it is at an interval, and after a failure (unplugged, no answer)
 * reconnects with backoff, reporting each change of status.
 */
export class DeviceManager {
  readonly #slots = new Map<DeviceRole, Slot>();
  readonly #healthIntervalMs: number;
  #running = false;

  constructor(
    devices: readonly ManagedDevice[],
    private readonly options: DeviceManagerOptions,
  ) {
    this.#healthIntervalMs = options.healthIntervalMs ?? 5000;
    for (const device of devices) this.#slots.set(device.role, { device, connected: false, attempt: 0, timer: undefined, busy: null });
  }

  start(): void {
    this.#running = true;
    for (const slot of this.#slots.values()) {
      this.#report(slot, 'unknown', 'connecting');
      this.#schedule(slot, 0);
    }
  }

  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(
      [...this.#slots.values()].map(async (slot) => {
        clearTimeout(slot.timer);
        await slot.busy;
        await releaseDevice(slot.device);
        slot.connected = false;
      }),
    );
  }

  device<D extends ManagedDevice>(role: DeviceRole): D | null {
    return (this.#slots.get(role)?.device as D | undefined) ?? null;
  }

  /** Asks a device how it is now, rather than at its next poll: after a job failed, so the screens learn why at once. */
  recheck(role: DeviceRole): void {
    const slot = this.#slots.get(role);
    if (slot && slot.connected && !slot.busy) this.#schedule(slot, 0);
  }

  async test(role: DeviceRole): Promise<DeviceTestResult> {
    const slot = this.#slots.get(role);
    if (!slot) return { ok: false, code: 'not-configured', detail: role, message: `no ${role} is configured on this terminal` };
    if (!slot.connected)
      return {
        ok: false,
        code: 'not-connected',
        detail: slot.device.address,
        message: `the ${role} is not connected (${slot.device.address})`,
      };
    try {
      return await slot.device.test();
    } catch (error) {
      return deviceTestError(error);
    }
  }

  #schedule(slot: Slot, delayMs: number): void {
    clearTimeout(slot.timer);
    if (!this.#running) return;
    slot.timer = setTimeout(() => {
      slot.busy = this.#step(slot).finally(() => (slot.busy = null));
    }, delayMs);
  }

  async #step(slot: Slot): Promise<void> {
    if (!this.#running) return;
    if (!slot.connected) {
      try {
        await slot.device.connect();
        slot.connected = true;
      } catch (error) {
        this.options.logger.warn({ role: slot.device.role, address: slot.device.address, err: error }, 'device connect failed');
        this.#report(slot, 'fault', 'disconnected');
        this.#schedule(slot, reconnectDelayMs(slot.attempt++));
        return;
      }
    }
    try {
      const health = await slot.device.check();
      slot.attempt = 0;
      this.#report(slot, health.state, health.detail);
      this.#schedule(slot, this.#healthIntervalMs);
    } catch (error) {
      this.options.logger.warn({ role: slot.device.role, err: error }, 'device stopped answering; reconnecting');
      this.#report(slot, 'fault', 'not_responding');
      slot.connected = false;
      await slot.device.disconnect().catch(() => undefined);
      this.#schedule(slot, reconnectDelayMs(slot.attempt++));
    }
  }

  #report(slot: Slot, state: DeviceStatus['state'], detail: DeviceStatus['detail']): void {
    if (!this.#running && state !== 'unknown') return;
    this.options.onStatus({ role: slot.device.role, state, detail });
  }
}
