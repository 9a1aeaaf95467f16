import { citizenCatalogSchema, type CitizenCatalog } from '../main/contract/citizenCatalog.js';
import { citizenServicesFile } from './paths.js';
import { readDataFile } from '../kiosk-config/readDataFile.js';

/** The hall's citizen services (certificates, lookups, back ends); a bad file fails with the field and why. */
export function readCitizenCatalog(file: string = citizenServicesFile): Promise<CitizenCatalog> {
  return readDataFile(file, citizenCatalogSchema);
}
