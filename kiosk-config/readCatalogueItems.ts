import { catalogueItemsSchema, type CatalogueItems } from '../main/contract/catalogueItems.js';
import { catalogueItemsFile } from './paths.js';
import { readDataFile } from './readDataFile.js';

/** The government-service items; a bad file fails with the field and why. */
export function readCatalogueItems(file: string = catalogueItemsFile): Promise<CatalogueItems> {
  return readDataFile(file, catalogueItemsSchema);
}
