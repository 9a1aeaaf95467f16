import { CupsQueue, systemCups, type CupsCommands } from '../../drivers/cups/cupsQueue.js';
import { addressKindsOf, deviceAddressOf, type DeviceAddress } from '../../drivers/deviceAddress.js';
import { openTcpBytePort } from '../../drivers/net/tcpBytePort.js';
import { OsReceiptPrinter } from '../../drivers/receipt-printer/osReceiptPrinter.js';
import { blockingFailure, ReceiptPrinter, type PrintOutcome } from '../../drivers/receipt-printer/receiptPrinter.js';
import { ReceiptPrinterSimulator } from '../../drivers/receipt-printer/receiptPrinterSimulator.js';
import type { PrinterModel } from '../../drivers/receipt-printer/jobBuilder.js';
import { testPageJob } from '../../drivers/receipt-printer/testPage.js';
import type { BytePort } from '../../drivers/serial/bytePort.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';
import type { PrinterStatus } from '../../drivers/receipt-printer/escposStatus.js';
import type { DeviceHealth, ManagedDevice } from './managedDevice.js';
import type { DeviceTestResult } from '../contract/deviceTest.js';

export interface ReceiptPrinterBinding {
  port: string;
  model: PrinterModel;
  baudRate: number;
}

/** What the device needs of a printer, whichever link it is on. */
interface ReceiptPrinterLink {
  status(): Promise<PrinterStatus>;
  print(job: Buffer): Promise<PrintOutcome>;
  dispose(): void;
}

/**
 * The receipt printer as the device manager drives it: TCP (port 9100) or
 * serial, checked with DLE EOT; or an OS queue ("printer:NAME"), printed raw
 * through CUPS and checked through its printer-state-reasons. A "simulator"
 * binding runs the simulated printer on a loopback port and prints to it over real TCP.
 */
export class ReceiptPrinterDevice implements ManagedDevice {
  readonly role = 'receiptPrinter';
  #port: BytePort | null = null;
  #printer: ReceiptPrinterLink | null = null;
  #simulator: ReceiptPrinterSimulator | null = null;

  constructor(
    private readonly binding: ReceiptPrinterBinding,
    private readonly terminalId: string,
    /** How to reach CUPS for a "printer:NAME" binding; the spool simulator's tools in tests. */
    private readonly cups: CupsCommands = systemCups,
  ) {}

  get address(): string {
    return this.binding.port;
  }

  get model(): PrinterModel {
    return this.binding.model;
  }

  /** The simulated printer behind a "simulator" binding (for demo controls and tests); null otherwise. */
  get simulator(): ReceiptPrinterSimulator | null {
    return this.#simulator;
  }

  async connect(): Promise<void> {
    await this.disconnect();
    const address = deviceAddressOf(this.binding.port, addressKindsOf.receiptPrinter);
    if (address.kind === 'printer') {
      const printer = new OsReceiptPrinter(new CupsQueue(address.queue, this.cups));
      await printer.status();
      this.#printer = printer;
      return;
    }
    this.#port = await this.#open(address);
    this.#printer = new ReceiptPrinter(this.#port);
  }

  async check(): Promise<DeviceHealth> {
    if (!this.#printer) return { state: 'fault', detail: 'disconnected' };
    return healthOf(await this.#printer.status());
  }

  /** Prints a job; the caller learns whether it came out whole. */
  async print(job: Buffer): Promise<PrintOutcome> {
    if (!this.#printer) throw new Error('the receipt printer is not connected');
    return this.#printer.print(job);
  }

  async test(): Promise<DeviceTestResult> {
    const outcome = await this.print(testPageJob(this.terminalId, new Date(), this.binding.model));
    if (outcome.ok) return { ok: true, code: 'printed', detail: '', message: 'printed a test page' };
    const code = ({ paper_out: 'paper-out', cover_open: 'cover-open', offline: 'printer-offline' } as const)[outcome.failure];
    return {
      ok: false,
      code,
      detail: '',
      message: `not printed (${outcome.stage === 'before' ? 'refused' : 'stopped'}: ${outcome.failure.replace('_', ' ')})`,
    };
  }

  async disconnect(): Promise<void> {
    this.#printer?.dispose();
    this.#printer = null;
    await this.#port?.close();
    this.#port = null;
    await this.#simulator?.stop();
    this.#simulator = null;
  }

  async #open(address: Extract<DeviceAddress, { kind: 'tcp' | 'serial' | 'simulator' }>): Promise<BytePort> {
    if (address.kind === 'simulator') {
      this.#simulator = await ReceiptPrinterSimulator.start();
      return openTcpBytePort('127.0.0.1', this.#simulator.port);
    }
    if (address.kind === 'tcp') return openTcpBytePort(address.host, address.port);
    return openSerialBytePort({ path: address.path, baudRate: this.binding.baudRate });
  }
}

function healthOf(status: PrinterStatus): DeviceHealth {
  const failure = blockingFailure(status);
  if (failure) return { state: 'fault', detail: failure };
  if (status.paperNearEnd) return { state: 'warning', detail: 'paper_near_end' };
  return { state: 'ready', detail: null };
}
