import { releaseDevice } from '../../devices/managedDevice.js';
import path from 'node:path';
import { loadTerminalConfig } from '../../../kiosk-config/loadTerminalConfig.js';
import { profilesDir } from '../../../kiosk-config/paths.js';
import { deviceRoleSchema } from '../../contract/status.js';
import { createManagedDevices } from '../../devices/createManagedDevices.js';
import { discoverDevices } from '../../devices/discovery.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';
import { devicesReport } from './devicesReport.js';

export const devicesHelp = `Usage: onewindow devices list
       onewindow devices test <${deviceRoleSchema.options.join('|')}> [--config FILE]
       onewindow devices report --config FILE [--json] [--data-dir DIR]

  list    what is attached: serial ports, USB-HID devices, CUPS printer queues
  test    connects the device the config binds to this role, checks it, and
          runs its test (prints a test page, reads the card on the reader, …);
          exit code 0 when it passed
  report  the technician's log-book entry: terminal id, version, hall, role, each
          device with its port and state now, the last 5 device events (--json)
  --config FILE   terminal configuration (default kiosk-config/profiles/demo-kiosk.json)`;

export async function devicesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('devices', args, {
    config: { type: 'string' },
    json: { type: 'boolean' },
    'data-dir': { type: 'string' },
  });
  if (values.help) {
    console.log(devicesHelp);
    return 0;
  }
  const [action, role, ...rest] = positionals;
  subcommandOf('devices', action, ['list', 'test', 'report']);
  if (action === 'report' && role === undefined) {
    if (!values.config) throw new UsageError('--config FILE is required', 'devices');
    return devicesReport(await loadTerminalConfig(values.config), values['data-dir'], values.json ?? false);
  }
  if (action === 'list' && role === undefined) return listDevices();
  if (action === 'test' && role !== undefined && rest.length === 0) {
    const parsed = deviceRoleSchema.safeParse(role);
    if (!parsed.success) throw new UsageError(`unknown device role "${role}"; one of ${deviceRoleSchema.options.join(', ')}`, 'devices');
    return testDevice(parsed.data, values.config ?? path.join(profilesDir, 'demo-kiosk.json'));
  }
  throw new UsageError('expected "devices list" or "devices test ROLE"', 'devices');
}

async function listDevices(): Promise<number> {
  const found = await discoverDevices();
  console.log('Serial ports:');
  for (const port of found.serialPorts)
    console.log(
      `  ${port.path}${port.manufacturer ? `  ${port.manufacturer}` : ''}${port.vendorId ? `  ${port.vendorId}:${port.productId}` : ''}`,
    );
  if (found.serialPorts.length === 0) console.log('  (none)');
  console.log('USB-HID devices:');
  for (const device of found.hidDevices)
    console.log(`  hid:${device.vendorId}:${device.productId}${device.product ? `  ${device.product}` : ''}`);
  if (found.hidDevices.length === 0) console.log('  (none)');
  console.log('Printer queues (CUPS):');
  if (found.printers === null) console.log('  (CUPS is not installed)');
  else if (found.printers.length === 0) console.log('  (none)');
  else for (const printer of found.printers) console.log(`  cups:${printer}`);
  for (const problem of found.problems) console.error(`could not list ${problem}`);
  return 0;
}

async function testDevice(role: (typeof deviceRoleSchema.options)[number], configFile: string): Promise<number> {
  const { config } = await loadTerminalConfig(configFile);
  if (!config.devices[role]) {
    console.error(`${configFile} binds no ${role}`);
    return 1;
  }
  const device = createManagedDevices(config, { onScan: (code) => console.log(`scanned: ${code}`) }).find(
    (candidate) => candidate.role === role,
  );
  if (!device) {
    console.error(`the ${role} driver is not available yet`);
    return 1;
  }
  try {
    await device.connect();
    const health = await device.check();
    console.log(`${role} at ${device.address}: ${health.state}${health.detail ? ` (${health.detail.replaceAll('_', ' ')})` : ''}`);
    const result = await device.test();
    console.log(`test: ${result.ok ? 'passed' : 'FAILED'}: ${result.message}`);
    return result.ok ? 0 : 1;
  } catch (error) {
    console.error(`${role} at ${device.address}: ${(error as Error).message}`);
    return 1;
  } finally {
    await releaseDevice(device);
  }
}
