import { appointmentsConfigSchema } from './appointments.js';
import { citizenCatalogSchema } from './citizenCatalog.js';
import { convenienceConfigSchema } from './convenience.js';

/**
 * Scope `hallServices`: what the hall offers at its terminals (its
 * hall-config files), published by the hall at its start and pulled by every
 * terminal, so that an edit at the hall reaches every kiosk and no terminal
 * reads the hall's files. One item per file, keyed by the file's name.
 */
export const hallServicesItems = {
  'citizen-services': citizenCatalogSchema,
  appointments: appointmentsConfigSchema,
  'convenience-forms': convenienceConfigSchema,
} as const;
export type HallServicesKey = keyof typeof hallServicesItems;
