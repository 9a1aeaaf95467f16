import { convenienceConfigSchema, type ConvenienceConfig } from '../main/contract/convenience.js';
import { convenienceFormsFile } from './paths.js';
import { readDataFile } from '../kiosk-config/readDataFile.js';

/** The convenience forms' choices (districts, streets, complaint topics); a bad file fails with the field and why. */
export function readConvenience(file: string = convenienceFormsFile): Promise<ConvenienceConfig> {
  return readDataFile(file, convenienceConfigSchema);
}
