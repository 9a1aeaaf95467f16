import { demoCards } from '../../drivers/id-card/demoCards.js';
import { IdCardSimulator } from '../../drivers/id-card/idCardSimulator.js';
import { addressKindsOf, deviceAddressOf } from '../../drivers/deviceAddress.js';
import { openReaderPort, type ReaderAddress } from '../../drivers/id-card/openReaderPort.js';
import { SamReader } from '../../drivers/id-card/samReader.js';
import { SamStatusError } from '../../drivers/id-card/statusWords.js';
import type { BytePort } from '../../drivers/serial/bytePort.js';
import { maskIdNumber } from '../contract/identity.js';
import type { DeviceHealth, ManagedDevice } from './managedDevice.js';
import type { DeviceTestResult } from '../contract/deviceTest.js';
import { startSerialSimulator, type SerialSimulatorRig, type SimulatorSupport } from './serialSimulatorRig.js';

/**
 * The resident ID-card reader as the device manager drives it. A "simulator"
 * binding runs the simulated reader over a real pseudo-terminal (in-process
 * where socat is missing), so the demo exercises the same bytes and driver as the hall.
 */
export class IdCardReaderDevice implements ManagedDevice {
  readonly role = 'idCardReader';
  #port: BytePort | null = null;
  #reader: SamReader | null = null;
  #rig: SerialSimulatorRig<IdCardSimulator> | null = null;

  constructor(
    private readonly binding: { port: string; baudRate: number },
    private readonly timeoutMs = 1500,
    private readonly support: SimulatorSupport = {},
  ) {}

  get address(): string {
    return this.binding.port;
  }

  /** The live reader, for the services that read cards (citizen session); null while disconnected. */
  get reader(): SamReader | null {
    return this.#reader;
  }

  /** The simulated reader behind a "simulator" binding, for demo controls and tests; null otherwise. */
  get simulator(): IdCardSimulator | null {
    return this.#rig?.simulator ?? null;
  }

  async connect(): Promise<void> {
    await this.disconnect();
    const bound = deviceAddressOf(this.binding.port, addressKindsOf.idCardReader);
    if (bound.kind === 'simulator') {
      // The demo reader holds the fictional resident card, so setup's "read a card" shows a read.
      this.#rig = await startSerialSimulator((port) => new IdCardSimulator(port), this.support);
      this.#rig.simulator.insert(demoCards.resident);
      this.#port = await this.#rig.openDriverPort(this.binding.baudRate);
    } else {
      const address: ReaderAddress = bound.kind === 'serial' ? { ...bound, baudRate: this.binding.baudRate } : bound;
      this.#port = await openReaderPort(address);
    }
    this.#reader = new SamReader(this.#port, this.timeoutMs);
  }

  async check(): Promise<DeviceHealth> {
    if (!this.#reader) return { state: 'fault', detail: 'disconnected' };
    try {
      await this.#reader.checkSam();
      return { state: 'ready', detail: null };
    } catch (error) {
      if (error instanceof SamStatusError) return { state: 'fault', detail: 'self_test_failed' };
      throw error;
    }
  }

  async test(): Promise<DeviceTestResult> {
    if (!this.#reader) return { ok: false, code: 'reader-off', detail: '', message: 'the reader is not connected' };
    const card = await this.#reader.readInsertedCard();
    if (!card) return { ok: false, code: 'no-card', detail: '', message: 'the reader answers, but there is no card on it' };
    const masked = maskIdNumber(card.idNumber);
    const wrongDigit = card.idNumberValid === false;
    return {
      ok: card.problems.length === 0,
      code: wrongDigit ? 'card-check-digit' : 'card-read',
      detail: masked,
      message: `read a ${card.type} card, number ${masked}${wrongDigit ? ', check digit WRONG' : ''}`,
    };
  }

  async disconnect(): Promise<void> {
    this.#reader?.dispose();
    this.#reader = null;
    await this.#port?.close();
    this.#port = null;
    await this.#rig?.close();
    this.#rig = null;
  }
}
