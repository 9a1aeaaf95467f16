import { SamReader } from '../../drivers/id-card/samReader.js';
import { SamStatusError } from '../../drivers/id-card/statusWords.js';
import { isStatusByte, statusRequest } from '../../drivers/receipt-printer/escposStatus.js';
import { openTcpBytePort } from '../../drivers/net/tcpBytePort.js';
import type { BytePort } from '../../drivers/serial/bytePort.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';

/** How long a device gets to answer a probe: a real one answers in milliseconds, a silent port never does. */
const probeMs = 700;

/** Asks an ID-card reader's question, SAM "find card"; its answer (card or not) proves a reader. Null when none came. */
export async function askFindCard(port: BytePort): Promise<string | null> {
  const reader = new SamReader(port, probeMs);
  try {
    return (await reader.findCard()) ? 'a card is on it' : 'no card on it';
  } catch (error) {
    // A reader refusing the command with a SAM status is still a reader; silence or garbage is not.
    return error instanceof SamStatusError ? `status: ${error.message}` : null;
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

export type SerialProbe =
  { role: 'idCardReader'; reason: string } | { role: 'receiptPrinter'; reason: string } | { role: null; reason: string };

/** What a serial port is, by what it answers: SAM find-card first (a reader ignores ESC/POS), then DLE EOT. */
export async function probeSerialPort(path: string): Promise<SerialProbe> {
  let port: BytePort;
  try {
    port = await openSerialBytePort({ path, baudRate: 115200 });
  } catch (error) {
    return { role: null, reason: (error as Error).message };
  }
  try {
    const card = await askFindCard(port);
    if (card !== null) return { role: 'idCardReader', reason: `answers the SAM find-card command (${card})` };
    if (await askPrinterStatus(port)) return { role: 'receiptPrinter', reason: 'answers DLE EOT with an ESC/POS status byte' };
    return { role: null, reason: 'answers neither the SAM find-card command nor DLE EOT' };
  } finally {
    await port.close().catch(() => undefined);
  }
}

/** Whether a receipt printer answers DLE EOT at host:port (TCP 9100). */
export async function probeTcpPrinter(host: string, tcpPort: number, connectMs = 1500): Promise<string | null> {
  let port: BytePort;
  try {
    port = await openTcpBytePort(host, tcpPort, connectMs);
  } catch {
    return null;
  }
  try {
    return (await askPrinterStatus(port)) ? 'answers DLE EOT with an ESC/POS status byte' : null;
  } finally {
    await port.close().catch(() => undefined);
  }
}
