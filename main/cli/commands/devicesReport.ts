import { releaseDevice } from '../../devices/managedDevice.js';
import path from 'node:path';
import type { LoadedConfig } from '../../../kiosk-config/loadTerminalConfig.js';
import { openDatabase } from '../../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../../lib/sqlite/migrate.js';
import type { DeviceStatus } from '../../contract/status.js';
import { createManagedDevices } from '../../devices/createManagedDevices.js';
import { resolveDataDir } from '../../host/dataDir.js';
import { migrationsDir } from '../../store/migrationsDir.js';
import { deviceReport } from '../../services/setup/deviceReport/deviceReport.js';

/** Each bound device asked how it is now (connect, check, disconnect); one that cannot be reached is a fault. */
async function checkDevices(loaded: LoadedConfig): Promise<DeviceStatus[]> {
  const states: DeviceStatus[] = [];
  for (const device of createManagedDevices(loaded.config, { onScan: () => undefined })) {
    try {
      await device.connect();
      const health = await device.check();
      states.push({ role: device.role, state: health.state, detail: health.detail });
    } catch {
      states.push({ role: device.role, state: 'fault', detail: 'not_responding' });
    } finally {
      await releaseDevice(device);
    }
  }
  return states;
}

/** `onewindow devices report`: what the setup screen's report prints, from the terminal's own database and its devices now. */
export async function devicesReport(loaded: LoadedConfig, dataDir: string | undefined, json: boolean): Promise<number> {
  const db = await openDatabase(path.join(resolveDataDir(loaded, dataDir), `${loaded.config.terminalId}.db`));
  try {
    await migrate(db, await readMigrations(migrationsDir));
    const report = await deviceReport(db, loaded.config, await checkDevices(loaded));
    if (json) {
      console.log(JSON.stringify(report, null, 2));
      return 0;
    }
    console.log(`terminal ${report.terminalId} (${report.role}), version ${report.version}, hall ${report.hall}`);
    for (const device of report.devices)
      console.log(`  ${device.role} ${device.port}: ${device.state}${device.detail ? ` (${device.detail})` : ''}`);
    console.log('last device events:');
    for (const event of report.events)
      console.log(`  ${event.at} ${event.role}: ${event.state}${event.detail ? ` (${event.detail})` : ''}`);
    console.log(`at ${report.at}`);
    return 0;
  } finally {
    await db.close();
  }
}
