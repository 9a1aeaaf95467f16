import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../../../kiosk-config/paths.js';
import type { TerminalConfig } from '../../../../kiosk-config/terminalConfigSchema.js';
import type { Queryable } from '../../../../lib/sqlite/database.js';
import type { DeviceReport } from '../../../contract/deviceReport.js';
import type { DeviceStatus } from '../../../contract/status.js';
import { DeviceEventLog } from './deviceEventLog.js';

/** How many device events the report lists. */
export const reportedEvents = 5;

const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The report of this terminal and its devices: states as the caller knows them now, events from the terminal's log. */
export async function deviceReport(
  db: Queryable,
  config: TerminalConfig,
  states: readonly DeviceStatus[],
  at = new Date(),
): Promise<DeviceReport> {
  const devices = Object.entries(config.devices).map(([role, binding]) => {
    const status = states.find((candidate) => candidate.role === role);
    return { role: role as DeviceStatus['role'], port: binding.port, state: status?.state ?? 'unknown', detail: status?.detail ?? null };
  });
  return {
    terminalId: config.terminalId,
    version,
    hall: config.upstream,
    role: config.role,
    devices,
    events: await new DeviceEventLog(db).last(reportedEvents),
    at: at.toISOString(),
  };
}
