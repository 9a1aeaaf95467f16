import { ReceiptPrinterSimulator } from '../../../drivers/receipt-printer/receiptPrinterSimulator.js';

/** Runs the network receipt printer simulator, printing each receipt it receives as text, until `stopped` resolves. */
export async function runReceiptPrinterSimulator(port: number, stopped: Promise<unknown>): Promise<void> {
  const simulator = await ReceiptPrinterSimulator.start(port);
  console.log(`Receipt printer simulator (ESC/POS): connect to tcp://127.0.0.1:${simulator.port}`);
  let shown = 0;
  const timer = setInterval(() => {
    for (const receipt of simulator.receipts.slice(shown)) {
      console.log('----- receipt -----');
      for (const line of receipt.lines) console.log(line.text);
      for (const qr of receipt.qrCodes) console.log(`[QR ${qr}]`);
      console.log('----- cut -----');
    }
    shown = simulator.receipts.length;
  }, 200);
  await stopped;
  clearInterval(timer);
  await simulator.stop();
}
