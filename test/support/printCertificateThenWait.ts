// A terminal that prints a certificate and then waits to be killed (kill -9 in
// test/integration/spoolLeftovers.test.ts). Run: node --import tsx THIS CONFIG DATA_DIR
import { demoCards } from '../../drivers/id-card/demoCards.js';
import { runTerminal } from '../../main/cli/runTerminal.js';
import type { DocumentPrinterDevice } from '../../main/devices/documentPrinterDevice.js';
import type { IdCardReaderDevice } from '../../main/devices/idCardReaderDevice.js';
import { recordingLogger } from './silentLogger.js';

const [configFile, dataDir] = process.argv.slice(2);
const terminal = await runTerminal({ configFile: configFile!, dataDir: dataDir!, port: 0, logger: recordingLogger().logger });
const devices = terminal.host.devices;
// What the hall offers comes with the first pull after the start: wait for it, as a citizen at a kiosk just started would.
for (let tries = 0; !(await terminal.host.dispatch('citizenServices.menu', {})).ok; tries++) {
  if (tries === 150) throw new Error("the terminal did not receive the hall's services within 15 s");
  await new Promise((resolve) => setTimeout(resolve, 100));
}
devices.device<IdCardReaderDevice>('idCardReader')!.simulator!.insert(demoCards.resident);
for (const [method, input] of [
  ['citizen.readCard', { waitSeconds: 10 }],
  ['citizen.consent', {}],
  ['certificates.print', { type: 'insured-status' }],
] as const) {
  const result = await terminal.host.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
}
console.log(JSON.stringify({ spool: devices.device<DocumentPrinterDevice>('documentPrinter')!.spool!.directory }));
setInterval(() => undefined, 60_000);
