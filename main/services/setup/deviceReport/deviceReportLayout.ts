import { formatTime, JobBuilder, type PrinterModel } from '../../../../drivers/receipt-printer/jobBuilder.js';
import type { DeviceReport } from '../../../contract/deviceReport.js';

/** The device report on the receipt printer: plain ASCII for the log book, so any printer's code page prints it. */
export function deviceReportLayout(report: DeviceReport, model: PrinterModel): Buffer {
  const job = new JobBuilder(model);
  job.printer.bold(true);
  job.line('OneWindow device report');
  job.printer.bold(false);
  job.line(`Terminal ${report.terminalId} (${report.role})`);
  job.line(`Version ${report.version}`);
  job.line(`Hall ${report.hall}`);
  job.line('Devices:');
  for (const device of report.devices)
    job.line(`${device.role} ${device.port}: ${device.state}${device.detail ? ` (${device.detail})` : ''}`);
  job.line('Last device events:');
  for (const event of report.events)
    job.line(`${formatTime(new Date(event.at))} ${event.role}: ${event.state}${event.detail ? ` (${event.detail})` : ''}`);
  if (report.events.length === 0) job.line('(none)');
  job.line(`Printed ${formatTime(new Date(report.at))}`);
  return job.finish();
}
