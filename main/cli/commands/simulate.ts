import { parseCommandArgs, parsePort } from '../parseCommandArgs.js';
import { untilStopSignal } from '../../../lib/stopSignal.js';
import { runDocumentPrinterSimulator } from '../simulators/documentPrinterSimulatorCommand.js';
import { runIdCardSimulator, simulatedCards } from '../simulators/idCardSimulatorCommand.js';
import { runLedSimulator } from '../simulators/ledSimulatorCommand.js';
import { runReceiptPrinterSimulator } from '../simulators/receiptPrinterSimulatorCommand.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';

export const simulateHelp = `Usage: onewindow simulate idcard [--pty] [--card ${Object.keys(simulatedCards).join('|')}|none]
       onewindow simulate receipt-printer [--port N]
       onewindow simulate led [--pty] [--address N]
       onewindow simulate document-printer [--spool DIR]

Starts a simulated device standalone, speaking the same bytes as the real one,
and prints where to connect. Stops on Ctrl-C.

  idcard            a SAM resident ID-card reader on a pseudo-terminal pair
                    (needs socat); connect at 115200 baud to the printed path,
                    e.g. onewindow idcard read --port PATH
    --card          the fictional card on the reader (default resident)
  receipt-printer   an ESC/POS network printer on 127.0.0.1 (default port 9100;
                    0 picks a free one); prints each receipt it gets as text
  led               a window LED display on a pseudo-terminal pair (needs socat)
    --address N     its bus address (default 1); prints each text it shows
  document-printer  an A4 printer as a spool folder that answers the same lp/lpstat
    --spool DIR     the folder (default: a new temp folder); prints each job`;

export async function simulateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('simulate', args, {
    pty: { type: 'boolean' },
    card: { type: 'string' },
    port: { type: 'string' },
    address: { type: 'string' },
    spool: { type: 'string' },
  });
  if (values.help) {
    console.log(simulateHelp);
    return 0;
  }
  const [given, ...rest] = positionals;
  const kind = subcommandOf('simulate', given, ['idcard', 'receipt-printer', 'led', 'document-printer']);
  if (rest.length > 0) throw new UsageError(`unexpected "${rest.join(' ')}"`, 'simulate');
  const stopped = untilStopSignal();
  switch (kind) {
    case 'idcard':
      await runIdCardSimulator(values.card ?? 'resident', stopped);
      return 0;
    case 'receipt-printer':
      await runReceiptPrinterSimulator(parsePort('simulate', values.port, 9100), stopped);
      return 0;
    case 'document-printer':
      await runDocumentPrinterSimulator(values.spool, stopped);
      return 0;
    case 'led': {
      const address = Number(values.address ?? '1');
      if (!Number.isInteger(address) || address < 0 || address > 254)
        throw new UsageError(`--address: expected 0–254, got "${values.address}"`, 'simulate');
      await runLedSimulator(address, stopped);
      return 0;
    }
  }
}
