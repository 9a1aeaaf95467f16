import { performance } from 'node:perf_hooks';
import { openTcpBytePort } from '../../drivers/net/tcpBytePort.js';
import { ReceiptPrinter } from '../../drivers/receipt-printer/receiptPrinter.js';
import { ReceiptPrinterSimulator } from '../../drivers/receipt-printer/receiptPrinterSimulator.js';
import { ticketJob, type TicketPrint } from '../../main/services/queue/ticketLayout.js';

function ticket(index: number): TicketPrint {
  return {
    hallName: '示例市政务服务中心',
    number: `A${String(index % 1000).padStart(3, '0')}`,
    service: { 'zh-CN': '社保业务', en: 'Social insurance' },
    peopleAhead: index % 30,
    estimatedWaitMinutes: (index % 30) * 4,
    issuedAt: new Date(),
    followUrl: `http://127.0.0.1:7300/t/A${index}`,
  };
}

/**
 * ESC/POS tickets rendered per second (layout + GB18030 + QR bytes), and
 * written per second to the simulated printer over loopback TCP with the
 * status read before and after each, as the kiosk prints them.
 */
export async function benchReceiptTickets(): Promise<void> {
  const renderCount = 2000;
  let start = performance.now();
  for (let index = 0; index < renderCount; index += 1) ticketJob(ticket(index));
  const renderedPerSecond = renderCount / ((performance.now() - start) / 1000);

  const simulator = await ReceiptPrinterSimulator.start();
  const port = await openTcpBytePort('127.0.0.1', simulator.port);
  const printer = new ReceiptPrinter(port);
  const writeCount = 300;
  start = performance.now();
  for (let index = 0; index < writeCount; index += 1) await printer.print(ticketJob(ticket(index)));
  const writtenPerSecond = writeCount / ((performance.now() - start) / 1000);
  if (simulator.printed !== writeCount) throw new Error(`the simulator decoded ${simulator.printed} of ${writeCount} tickets`);

  console.log(
    `ESC/POS tickets: ${renderedPerSecond.toFixed(0)} rendered/s; ${writtenPerSecond.toFixed(0)} printed/s over loopback TCP with status before and after = ${(writtenPerSecond / renderedPerSecond).toFixed(2)}× of rendering`,
  );
  printer.dispose();
  await port.close();
  await simulator.stop();
}
