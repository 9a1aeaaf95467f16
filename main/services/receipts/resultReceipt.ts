import { formatTime, JobBuilder, type PrinterModel } from '../../../drivers/receipt-printer/jobBuilder.js';

export interface ResultPrint {
  title: { 'zh-CN': string; en: string };
  /** The citizen, masked as on screen. */
  holder: string;
  facts: { label: string; value: string }[];
  table: { columns: string[]; rows: string[][] } | null;
  printedAt: Date;
  /** A QR code to print under the facts (an appointment's code, for check-in by scanning). */
  qr?: string;
}

/** A lookup's result on the receipt printer: title, who (masked), facts, table rows, time, cut. */
export function resultReceiptJob(result: ResultPrint, model: PrinterModel = 'epson'): Buffer {
  const job = new JobBuilder(model);
  const { printer } = job;
  printer.alignCenter();
  printer.bold(true);
  job.line(result.title['zh-CN']);
  printer.bold(false);
  job.line(result.title.en);
  printer.drawLine();
  printer.alignLeft();
  job.line(result.holder);
  for (const fact of result.facts) job.line(`${fact.label}：${fact.value}`);
  if (result.table) {
    printer.drawLine();
    job.line(result.table.columns.join(' | '));
    for (const row of result.table.rows) job.line(row.join(' | '));
  }
  if (result.qr) {
    printer.alignCenter();
    job.qr(result.qr);
    printer.alignLeft();
  }
  printer.drawLine();
  job.line(`打印时间 Printed ${formatTime(result.printedAt)}`);
  job.line('本凭条仅供查询参考 For reference only');
  return job.finish();
}
