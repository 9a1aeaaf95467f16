import type { DeviceProposal, WizardDiscovery } from '../contract/setupWizard.js';
import { discoverDevices } from './discovery.js';
import { probeSerialPort, probeTcpPrinter } from './deviceProbe.js';

/**
 * Serial paths to try besides those udev lists: pseudo-terminals of
 * simulators and test rigs, which udev never sees (colon-separated).
 */
export const extraSerialEnv = 'ONEWINDOW_SERIAL_CANDIDATES';

/** A typed TCP target as the hosts and ports to ask: one address (port 9100 unless given) or every host of a /24. */
export function tcpHostsOf(target: string): { host: string; port: number }[] {
  const subnet = /^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}\/24$/.exec(target);
  if (subnet) return Array.from({ length: 254 }, (_, index) => ({ host: `${subnet[1]}.${index + 1}`, port: 9100 }));
  const [host, port] = target.split(':');
  return [{ host: host!, port: port ? Number(port) : 9100 }];
}

const simulatorProposals: DeviceProposal[] = (['idCardReader', 'receiptPrinter', 'documentPrinter', 'ledDisplay', 'scanner'] as const).map(
  (role) => ({ role, port: 'simulator', why: { code: 'simulator', detail: '' }, answered: false }),
);

/**
 * What is attached, and for each role the likely device and why: serial
 * ports are asked the reader's and the printer's own questions; TCP targets
 * DLE EOT on 9100; CUPS queues and HID devices are listed; simulators last.
 */
export async function discoverForWizard(tcpTargets: readonly string[]): Promise<WizardDiscovery> {
  const listed = await discoverDevices();
  const extra = (process.env[extraSerialEnv] ?? '').split(':').filter(Boolean);
  const serialPaths = [...new Set([...listed.serialPorts.map((port) => port.path), ...extra])];
  const byPath = new Map(listed.serialPorts.map((port) => [port.path, port]));
  const proposals: DeviceProposal[] = [];
  const probed: WizardDiscovery['probed'] = [];
  // One port at a time: two probes on a shared USB hub confuse cheap adapters.
  for (const path of serialPaths) {
    const ids = byPath.get(path)?.vendorId ? ` (USB ${byPath.get(path)!.vendorId}:${byPath.get(path)!.productId})` : '';
    const result = await probeSerialPort(path, `${path}${ids}`);
    if (result.role) proposals.push({ role: result.role, port: `serial:${path}`, why: result.finding, answered: true });
    else probed.push({ port: `serial:${path}`, finding: result.finding });
  }
  const hosts = tcpTargets.flatMap(tcpHostsOf);
  const answers = await Promise.all(
    hosts.map(async ({ host, port }) => ({ host, port, answered: await probeTcpPrinter(host, port, hosts.length > 1 ? 400 : 1500) })),
  );
  for (const { host, port, answered } of answers) {
    const where = `${host}:${port}`;
    if (answered)
      proposals.push({ role: 'receiptPrinter', port: `tcp://${where}`, why: { code: 'escpos-status', detail: where }, answered });
    else if (hosts.length === 1) probed.push({ port: `tcp://${where}`, finding: { code: 'no-printer', detail: where } });
  }
  for (const queue of listed.printers ?? [])
    proposals.push({ role: 'documentPrinter', port: `cups:${queue}`, why: { code: 'cups-queue', detail: queue }, answered: false });
  for (const device of listed.hidDevices)
    proposals.push({
      role: 'scanner',
      port: `hid:${device.vendorId}:${device.productId}`,
      why: { code: 'hid-device', detail: `${device.product ?? ''} (${device.vendorId}:${device.productId})`.trim() },
      answered: false,
    });
  proposals.push({ role: 'scanner', port: 'keyboard-wedge', why: { code: 'keyboard-wedge', detail: '' }, answered: false });
  return { proposals: [...proposals, ...simulatorProposals], probed, problems: listed.problems };
}
