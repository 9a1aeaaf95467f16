import type { BytePort } from '../../drivers/serial/bytePort.js';
import { openPtyPair, type PtyPair } from '../../drivers/serial/ptyPair.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';

/** A simulated serial device on the far end of a socat pty pair: what a "simulator" binding runs. */
export interface PtySimulatorRig<S extends { close(): void }> {
  /** Where the driver connects, as to /dev/ttyUSB0. */
  devicePath: string;
  simulator: S;
  close(): Promise<void>;
}

export async function startPtySimulator<S extends { close(): void }>(create: (port: BytePort) => S): Promise<PtySimulatorRig<S>> {
  const pty: PtyPair = await openPtyPair();
  const port = await openSerialBytePort({ path: pty.simulatorPath, baudRate: 115200 });
  const simulator = create(port);
  return {
    devicePath: pty.devicePath,
    simulator,
    close: async () => {
      simulator.close();
      await port.close();
      await pty.close();
    },
  };
}
