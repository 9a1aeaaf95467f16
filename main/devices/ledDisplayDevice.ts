import { addressKindsOf, deviceAddressOf } from '../../drivers/deviceAddress.js';
import { LedDisplay } from '../../drivers/led-display/ledDisplay.js';
import { LedDisplaySimulator } from '../../drivers/led-display/ledSimulator.js';
import type { BytePort } from '../../drivers/serial/bytePort.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';
import type { DeviceHealth, ManagedDevice } from './managedDevice.js';
import type { DeviceTestResult } from '../contract/deviceTest.js';
import { startSerialSimulator, type SerialSimulatorRig, type SimulatorSupport } from './serialSimulatorRig.js';

export interface LedDisplayBinding {
  port: string;
  address: number;
  baudRate: number;
}

/** The counter's window LED display on its RS-485 line; a "simulator" binding runs one over a pty pair (in-process without socat). */
export class LedDisplayDevice implements ManagedDevice {
  readonly role = 'ledDisplay';
  #port: BytePort | null = null;
  #display: LedDisplay | null = null;
  #rig: SerialSimulatorRig<LedDisplaySimulator> | null = null;

  constructor(
    private readonly binding: LedDisplayBinding,
    private readonly windowNumber: number | undefined,
    private readonly support: SimulatorSupport = {},
  ) {}

  get address(): string {
    return this.binding.port;
  }

  get display(): LedDisplay | null {
    return this.#display;
  }

  get simulator(): LedDisplaySimulator | null {
    return this.#rig?.simulator ?? null;
  }

  async connect(): Promise<void> {
    await this.disconnect();
    const address = deviceAddressOf(this.binding.port, addressKindsOf.ledDisplay);
    if (address.kind === 'simulator') {
      this.#rig = await startSerialSimulator((port) => new LedDisplaySimulator(port, this.binding.address), this.support);
      this.#port = await this.#rig.openDriverPort(this.binding.baudRate);
    } else {
      this.#port = await openSerialBytePort({ path: address.path, baudRate: this.binding.baudRate });
    }
    this.#display = new LedDisplay(this.#port, this.binding.address);
  }

  async check(): Promise<DeviceHealth> {
    if (!this.#display) return { state: 'fault', detail: 'disconnected' };
    await this.#display.ping();
    return { state: 'ready', detail: null };
  }

  async test(): Promise<DeviceTestResult> {
    if (!this.#display) return { ok: false, code: 'led-off', detail: '', message: 'the LED display is not connected' };
    const text = this.windowNumber === undefined ? '测试 TEST' : `${this.windowNumber}号窗口 测试`;
    await this.#display.show(text);
    return { ok: true, code: 'led-shown', detail: text, message: `showed "${text}" on the display at address ${this.binding.address}` };
  }

  async disconnect(): Promise<void> {
    this.#display?.dispose();
    this.#display = null;
    await this.#port?.close();
    this.#port = null;
    await this.#rig?.close();
    this.#rig = null;
  }
}
