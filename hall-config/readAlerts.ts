import { alertsConfigSchema, type AlertsConfig } from '../main/contract/health.js';
import { alertsFile } from './paths.js';
import { readDataFile } from '../kiosk-config/readDataFile.js';

/** The hall's alerting: webhook URLs, backlog threshold, beats missed before offline; a bad file fails with the field and why. */
export function readAlerts(file: string = alertsFile): Promise<AlertsConfig> {
  return readDataFile(file, alertsConfigSchema);
}
