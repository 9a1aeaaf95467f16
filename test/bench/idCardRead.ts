import { performance } from 'node:perf_hooks';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import { IdCardSimulator } from '../../drivers/id-card/idCardSimulator.js';
import { commands, encodeCommand } from '../../drivers/id-card/samFrame.js';
import { SamReader } from '../../drivers/id-card/samReader.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';
import { startPtySimulator } from '../../main/devices/ptySimulatorRig.js';

const baud = 115200;

/**
 * A card read (find, select, read text + photo) through the driver over a real
 * pty, with the simulator pacing its answers as a 115200-baud UART would,
 * against the wire time of the same bytes: the driver's overhead.
 */
export async function benchIdCardRead(): Promise<void> {
  const rig = await startPtySimulator((port) => new IdCardSimulator(port, { paceBaud: baud }));
  rig.simulator.insert(demoCards.resident);
  const port = await openSerialBytePort({ path: rig.devicePath, baudRate: baud });
  const reader = new SamReader(port, 5000);

  const sent = [commands.findCard, commands.selectCard, commands.readTextAndPhoto] as const;
  const commandBytes = sent.reduce((sum, [cmd, para]) => sum + encodeCommand(cmd, para).length, 0);
  const answerBytes = 15 + 19 + 1295;
  const wireMs = ((commandBytes + answerBytes) * 10 * 1000) / baud;

  await reader.readInsertedCard();
  const runs = 15;
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    await reader.readInsertedCard();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)]!;
  console.log(
    `ID-card read at ${baud} baud (median of ${runs}): ${median.toFixed(1)} ms vs wire time ${wireMs.toFixed(1)} ms = ${(median / wireMs).toFixed(2)}×`,
  );

  reader.dispose();
  await port.close();
  await rig.close();
}
