import { convenienceConfigSchema, type ConvenienceConfig } from '../main/contract/convenience.js';
import { convenienceFile } from './paths.js';
import { readDataFile } from './readDataFile.js';

/** The convenience forms' choices (districts, streets, complaint topics); a bad file fails with the field and why. */
export function readConvenience(file: string = convenienceFile): Promise<ConvenienceConfig> {
  return readDataFile(file, convenienceConfigSchema);
}
