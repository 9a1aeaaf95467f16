import path from 'node:path';
import { packageRoot } from '../lib/packageRoot.js';

/** The demo hall's data: what the hall server serves when no file of the hall's own is named. */
export const hallConfigDir = path.join(packageRoot, 'hall-config');
export const hallQueueFile = path.join(hallConfigDir, 'queue.json');
export const citizenServicesFile = path.join(hallConfigDir, 'citizen-services.json');
export const appointmentsFile = path.join(hallConfigDir, 'appointments.json');
export const convenienceFormsFile = path.join(hallConfigDir, 'convenience-forms.json');
export const alertsFile = path.join(hallConfigDir, 'alerts.json');
