import { demoCards } from '../../../drivers/id-card/demoCards.js';
import { IdCardSimulator } from '../../../drivers/id-card/idCardSimulator.js';
import { openPtyPair } from '../../../drivers/serial/ptyPair.js';
import { openSerialBytePort } from '../../../drivers/serial/serialBytePort.js';
import { UsageError } from '../usageError.js';

export const simulatedCards = {
  resident: demoCards.resident,
  'hk-macao-taiwan': demoCards.hkMacaoTaiwan,
  'foreign-permanent': demoCards.foreignPermanent,
};

/** Runs the ID-card reader simulator on a pty pair until `stopped` resolves. */
export async function runIdCardSimulator(cardName: string, stopped: Promise<unknown>): Promise<void> {
  if (cardName !== 'none' && !Object.hasOwn(simulatedCards, cardName)) {
    throw new UsageError(`--card: expected one of ${Object.keys(simulatedCards).join(', ')} or none, got "${cardName}"`, 'simulate');
  }
  const pty = await openPtyPair();
  const port = await openSerialBytePort({ path: pty.simulatorPath, baudRate: 115200 });
  const simulator = new IdCardSimulator(port);
  if (cardName !== 'none') simulator.insert(simulatedCards[cardName as keyof typeof simulatedCards]);
  console.log(`ID-card reader simulator: connect to ${pty.devicePath} (115200 8N1)`);
  console.log(cardName === 'none' ? 'No card on the reader.' : `Card on the reader: ${cardName} (fictional)`);
  await stopped;
  simulator.close();
  await port.close();
  await pty.close();
}
