import { citizenCatalogSchema, type CitizenCatalog } from '../main/contract/citizenCatalog.js';
import { citizenCatalogFile } from './paths.js';
import { readDataFile } from './readDataFile.js';

/** The hall's citizen services (certificates, lookups, back ends); a bad file fails with the field and why. */
export function readCitizenCatalog(file: string = citizenCatalogFile): Promise<CitizenCatalog> {
  return readDataFile(file, citizenCatalogSchema);
}
