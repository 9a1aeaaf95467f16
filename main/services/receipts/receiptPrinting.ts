import type { PrinterModel } from '../../../drivers/receipt-printer/jobBuilder.js';
import type { Logger } from '../../../lib/logger.js';
import type { ReceiptPrinterDevice } from '../../devices/receiptPrinterDevice.js';

/** Why a receipt did not print, in the words the screens translate (as a ticket's `printProblem`). */
export type ReceiptProblem = 'no_printer' | 'not_connected' | 'paper_out' | 'cover_open' | 'offline';

/** Where receipts go: the receipt printer, and the device manager to tell when one fails. */
export interface ReceiptPrinting {
  printer(): ReceiptPrinterDevice | null;
  /** A print failed: the device manager asks the printer how it is now, so the status strip says why before the next citizen. */
  onFailed(): void;
  logger: Logger;
}

/**
 * The one receipt policy (tickets, lookups, bookings, requests, guides): lay
 * the receipt out for the fitted printer's model and print it; a failure is
 * reported to the device manager and returned, never thrown, because what
 * the receipt records stays valid and stays on screen.
 */
export async function printReceipt(printing: ReceiptPrinting, layout: (model: PrinterModel) => Buffer): Promise<ReceiptProblem | null> {
  const printer = printing.printer();
  if (!printer) return 'no_printer';
  try {
    const outcome = await printer.print(layout(printer.model));
    if (outcome.ok) return null;
    printing.onFailed();
    return outcome.failure;
  } catch (error) {
    printing.logger.warn({ err: error }, 'a receipt could not be sent to the printer; what it records stays valid');
    printing.onFailed();
    return 'not_connected';
  }
}
