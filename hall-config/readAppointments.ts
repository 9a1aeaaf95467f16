import { appointmentsConfigSchema, type AppointmentsConfig } from '../main/contract/appointments.js';
import { appointmentsFile } from './paths.js';
import { readDataFile } from '../kiosk-config/readDataFile.js';

/** The hall's appointment rules; a bad file fails with the field and why. */
export function readAppointments(file: string = appointmentsFile): Promise<AppointmentsConfig> {
  return readDataFile(file, appointmentsConfigSchema);
}
