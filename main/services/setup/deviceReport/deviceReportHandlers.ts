import type { TerminalConfig } from '../../../../kiosk-config/terminalConfigSchema.js';
import type { Queryable } from '../../../../lib/sqlite/database.js';
import type { RpcHandlers } from '../../../contract/rpc.js';
import type { TerminalStatus } from '../../../contract/status.js';
import { printReceipt, type ReceiptPrinting } from '../../receipts/receiptPrinting.js';
import type { SetupAccess } from '../setupAccess.js';
import { deviceReport } from './deviceReport.js';
import { deviceReportLayout } from './deviceReportLayout.js';

/** Setup's "print the device report" button: the report on the receipt printer, and on screen. */
export function deviceReportHandlers(
  setup: SetupAccess,
  db: Queryable,
  config: TerminalConfig,
  status: { get(): TerminalStatus },
  receipts: ReceiptPrinting,
): Pick<RpcHandlers, 'devices.report'> {
  return {
    'devices.report': async ({ setupToken }) => {
      setup.require(setupToken);
      const report = await deviceReport(db, config, status.get().devices);
      const problem = await printReceipt(receipts, (model) => deviceReportLayout(report, model));
      return { report, printProblem: problem };
    },
  };
}
