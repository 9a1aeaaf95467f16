import { demoCards } from '../../../drivers/id-card/demoCards.js';
import { IdCardSimulator } from '../../../drivers/id-card/idCardSimulator.js';
import { openPtyPair } from '../../../drivers/serial/ptyPair.js';
import { openSerialBytePort } from '../../../drivers/serial/serialBytePort.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { untilStopSignal } from '../runTerminal.js';
import { UsageError } from '../usageError.js';

const cards = { resident: demoCards.resident, 'hk-macao-taiwan': demoCards.hkMacaoTaiwan, 'foreign-permanent': demoCards.foreignPermanent };

export const simulateHelp = `Usage: onewindow simulate idcard [--pty] [--card ${Object.keys(cards).join('|')}|none]

Starts a simulated device standalone, speaking the same bytes as the real one,
and prints where to connect. Stops on Ctrl-C.

  idcard    a SAM resident ID-card reader on a pseudo-terminal pair (needs socat);
            connect a driver to the printed path at 115200 baud, e.g.
            onewindow idcard read --port PATH
  --card    the fictional card on the reader (default resident)

(The receipt printer, document printer and LED simulators arrive with their drivers.)`;

export async function simulateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('simulate', args, { pty: { type: 'boolean' }, card: { type: 'string' } });
  if (values.help) {
    console.log(simulateHelp);
    return 0;
  }
  const [kind, ...rest] = positionals;
  if (kind !== 'idcard' || rest.length > 0) throw new UsageError(`unknown or missing device "${kind ?? ''}"; see the list in --help`, 'simulate');
  const cardName = values.card ?? 'resident';
  if (cardName !== 'none' && !Object.hasOwn(cards, cardName)) {
    throw new UsageError(`--card: expected one of ${Object.keys(cards).join(', ')} or none, got "${cardName}"`, 'simulate');
  }

  const pty = await openPtyPair();
  const port = await openSerialBytePort({ path: pty.simulatorPath, baudRate: 115200 });
  const simulator = new IdCardSimulator(port);
  if (cardName !== 'none') simulator.insert(cards[cardName as keyof typeof cards]);
  console.log(`ID-card reader simulator: connect to ${pty.devicePath} (115200 8N1)`);
  console.log(cardName === 'none' ? 'No card on the reader.' : `Card on the reader: ${cardName} (fictional)`);
  await untilStopSignal();
  simulator.close();
  await port.close();
  await pty.close();
  return 0;
}
