import { SamReader } from '../../drivers/id-card/samReader.js';
import { SamStatusError } from '../../drivers/id-card/statusWords.js';
import { isStatusByte, statusRequest } from '../../drivers/receipt-printer/escposStatus.js';
import { openTcpBytePort } from '../../drivers/net/tcpBytePort.js';
import type { BytePort } from '../../drivers/serial/bytePort.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';
import type { DeviceFinding } from '../contract/setupWizard.js';

/** How long a device gets to answer a probe: a real one answers in milliseconds, a silent port never does. */
const probeMs = 700;

/** Asks an ID-card reader's question, SAM "find card"; its answer (card or not) proves a reader. Null when none came. */
async function askFindCard(port: BytePort, where: string): Promise<DeviceFinding | null> {
  const reader = new SamReader(port, probeMs);
  try {
    return { code: (await reader.findCard()) ? 'card-on-reader' : 'reader-empty', detail: where };
  } catch (error) {
    // A reader refusing the command with a SAM status is still a reader; silence or garbage is not.
    return error instanceof SamStatusError ? { code: 'reader-status', detail: `${where}: ${error.message}` } : null;
  } finally {
    reader.dispose();
  }
}

/** Asks a receipt printer's question, DLE EOT 1 (real-time status); one status byte back proves an ESC/POS printer. */
export function askPrinterStatus(port: BytePort): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), probeMs);
    const stop = port.onData((chunk) => finish(chunk.length > 0 && isStatusByte(chunk[0]!)));
    function finish(answered: boolean) {
      clearTimeout(timer);
      stop();
      resolve(answered);
    }
    port.write(statusRequest(1)).catch(() => finish(false));
  });
}

export interface SerialProbe {
  role: 'idCardReader' | 'receiptPrinter' | null;
  finding: DeviceFinding;
}

/**
 * What a serial port is, by what it answers: SAM find-card first (a reader ignores ESC/POS), then DLE EOT.
 * `where` names the port in the finding (its path, with USB ids when listed).
 */
export async function probeSerialPort(path: string, where = path): Promise<SerialProbe> {
  let port: BytePort;
  try {
    port = await openSerialBytePort({ path, baudRate: 115200 });
  } catch (error) {
    return { role: null, finding: { code: 'cannot-open', detail: (error as Error).message } };
  }
  try {
    const card = await askFindCard(port, where);
    if (card !== null) return { role: 'idCardReader', finding: card };
    if (await askPrinterStatus(port)) return { role: 'receiptPrinter', finding: { code: 'escpos-status', detail: where } };
    return { role: null, finding: { code: 'answers-neither', detail: where } };
  } finally {
    await port.close().catch(() => undefined);
  }
}

/** Whether a receipt printer answers DLE EOT at host:port (TCP 9100). */
export async function probeTcpPrinter(host: string, tcpPort: number, connectMs = 1500): Promise<boolean> {
  let port: BytePort;
  try {
    port = await openTcpBytePort(host, tcpPort, connectMs);
  } catch {
    return false;
  }
  try {
    return await askPrinterStatus(port);
  } finally {
    await port.close().catch(() => undefined);
  }
}
