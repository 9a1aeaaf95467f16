import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface DiscoveredDevices {
  serialPorts: { path: string; manufacturer: string | null; vendorId: string | null; productId: string | null }[];
  hidDevices: { vendorId: string; productId: string; product: string | null; path: string | null }[];
  /** CUPS queues, or null when CUPS (lpstat) is not installed. */
  printers: string[] | null;
  /** What could not be listed, and why. */
  problems: string[];
}

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

/** What is attached: serial ports (udev), HID devices (hidapi), and CUPS printer queues. */
export async function discoverDevices(): Promise<DiscoveredDevices> {
  const problems: string[] = [];
  const serialPorts = await import('serialport')
    .then(({ SerialPort }) => SerialPort.list())
    .then((ports) =>
      ports.map((port) => ({
        path: port.path,
        manufacturer: port.manufacturer ?? null,
        vendorId: port.vendorId ?? null,
        productId: port.productId ?? null,
      })),
    )
    .catch((error: Error) => (problems.push(`serial ports: ${error.message}`), []));
  const hidDevices = await import('node-hid')
    .then((hid) => hid.devices())
    .then((devices) =>
      devices.map((device) => ({
        vendorId: hex4(device.vendorId),
        productId: hex4(device.productId),
        product: device.product ?? null,
        path: device.path ?? null,
      })),
    )
    .catch((error: Error) => (problems.push(`HID devices: ${error.message}`), []));
  const printers = await promisify(execFile)('lpstat', ['-e'])
    .then(({ stdout }) => stdout.split('\n').filter((line) => line.trim() !== ''))
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      problems.push(`printers: ${error.message}`);
      return [];
    });
  return { serialPorts, hidDevices, printers, problems };
}
