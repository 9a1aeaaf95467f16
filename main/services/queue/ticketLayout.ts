import { formatTime, JobBuilder, type PrinterModel } from '../../../drivers/receipt-printer/jobBuilder.js';

export interface TicketPrint {
  hallName: string;
  number: string;
  service: { 'zh-CN': string; en: string };
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  issuedAt: Date;
  /** Where the QR code leads: the ticket's page, to follow the queue. */
  followUrl: string;
}

/** A queue ticket: the number large, the service, people ahead, wait, time, and a QR code to follow it. */
export function ticketJob(ticket: TicketPrint, model: PrinterModel = 'epson'): Buffer {
  const job = new JobBuilder(model);
  const { printer } = job;
  printer.alignCenter();
  printer.bold(true);
  job.line(ticket.hallName);
  printer.bold(false);
  printer.drawLine();
  job.large();
  printer.bold(true);
  job.line(ticket.number);
  printer.bold(false);
  printer.setTextNormal();
  job.line(`${ticket.service['zh-CN']}  ${ticket.service.en}`);
  printer.drawLine();
  printer.alignLeft();
  job.line(`前面还有 ${ticket.peopleAhead} 人   ${ticket.peopleAhead} ahead of you`);
  if (ticket.estimatedWaitMinutes !== null) {
    job.line(`预计等候约 ${ticket.estimatedWaitMinutes} 分钟   about ${ticket.estimatedWaitMinutes} min`);
  }
  job.line(`取号时间 Issued ${formatTime(ticket.issuedAt)}`);
  printer.alignCenter();
  job.qr(ticket.followUrl);
  job.line('扫码查看排队进度  Scan to follow the queue');
  job.line('请留意叫号，过号请到服务台咨询');
  return job.finish();
}
