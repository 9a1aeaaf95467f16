import { formatTime, JobBuilder, type PrinterModel } from './jobBuilder.js';

/** What setup's "print a test ticket" prints. */
export function testPageJob(terminalId: string, printedAt: Date, model: PrinterModel = 'epson'): Buffer {
  const job = new JobBuilder(model);
  job.printer.alignCenter();
  job.printer.bold(true);
  job.line('OneWindow 测试页 Test page');
  job.printer.bold(false);
  job.line(`终端 Terminal ${terminalId}`);
  job.line(formatTime(printedAt));
  job.line('中文打印正常 Chinese prints correctly');
  job.qr(`onewindow:test:${terminalId}`);
  return job.finish();
}
