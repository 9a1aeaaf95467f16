import { LedDisplaySimulator } from '../../../drivers/led-display/ledSimulator.js';
import { startPtySimulator } from '../../devices/ptySimulatorRig.js';

/** Runs the window LED display simulator on a pty pair, printing what it is asked to show, until `stopped` resolves. */
export async function runLedSimulator(address: number, stopped: Promise<unknown>): Promise<void> {
  const rig = await startPtySimulator((port) => new LedDisplaySimulator(port, address));
  console.log(`LED display simulator (address ${address}): connect to ${rig.devicePath} (9600 8N1)`);
  let shown = 0;
  const timer = setInterval(() => {
    for (const text of rig.simulator.history.slice(shown)) console.log(`[LED] ${text}`);
    shown = rig.simulator.history.length;
  }, 200);
  await stopped;
  clearInterval(timer);
  await rig.close();
}
