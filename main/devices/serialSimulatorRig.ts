import type { BytePort } from '../../drivers/serial/bytePort.js';
import { memoryBytePair } from '../../drivers/serial/memoryBytePair.js';
import { openPtyPair } from '../../drivers/serial/ptyPair.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';
import { commandOnPath } from '../../lib/commandOnPath.js';
import type { HelperLedger } from '../../lib/helperLedger.js';
import type { Logger } from '../../lib/logger.js';

/** What a "simulator" serial binding runs on, given by the host. */
export interface SimulatorSupport {
  logger?: Logger;
  /** Where socat helpers are recorded, so a run after a kill -9 can end them. */
  ledger?: HelperLedger;
}

/** A simulated serial device and the link its driver reads. */
export interface SerialSimulatorRig<S extends { close(): void }> {
  simulator: S;
  /** 'pty' through socat, as a real device on /dev/tty…; 'in-process' where socat is missing: the same bytes, no pty. */
  link: 'pty' | 'in-process';
  /** The driver's end of the link: the pty opened as a serial port, or the in-process end. */
  openDriverPort(baudRate: number): Promise<BytePort>;
  close(): Promise<void>;
}

let toldInProcess = false;

/**
 * Runs a simulated serial device over a socat pty pair, so the driver opens a
 * serial port as in the hall; where socat is not installed (a machine with
 * only Node), over an in-process byte pipe, and says so once.
 */
export async function startSerialSimulator<S extends { close(): void }>(
  create: (port: BytePort) => S,
  support: SimulatorSupport = {},
): Promise<SerialSimulatorRig<S>> {
  if (!commandOnPath('socat')) {
    if (!toldInProcess) {
      toldInProcess = true;
      support.logger?.warn(
        'socat is not installed: the simulated serial devices (ID-card reader, LED display) run in-process over the same bytes, without a pseudo-terminal (apt-get install socat for one)',
      );
    }
    const { driverEnd, simulatorEnd } = memoryBytePair();
    const simulator = create(simulatorEnd);
    return {
      simulator,
      link: 'in-process',
      openDriverPort: async () => driverEnd,
      close: async () => {
        simulator.close();
        await simulatorEnd.close();
        await driverEnd.close();
      },
    };
  }
  const pty = await openPtyPair({
    // socat ends with this process, even on kill -9 (the kernel sends it SIGKILL when its parent dies).
    ...(commandOnPath('setpriv') ? { prefix: ['setpriv', '--pdeathsig', 'KILL'] } : {}),
    ...(support.ledger ? { onHelper: (helper: Parameters<HelperLedger['record']>[0]) => support.ledger!.record(helper) } : {}),
  });
  const port = await openSerialBytePort({ path: pty.simulatorPath, baudRate: 115200 }).catch(async (error: unknown) => {
    await pty.close();
    throw error;
  });
  const simulator = create(port);
  return {
    simulator,
    link: 'pty',
    openDriverPort: (baudRate) => openSerialBytePort({ path: pty.devicePath, baudRate }),
    close: async () => {
      simulator.close();
      await port.close();
      await pty.close();
    },
  };
}
