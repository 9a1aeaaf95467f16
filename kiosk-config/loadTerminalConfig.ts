import path from 'node:path';
import { defaultCatalogueDir } from './paths.js';
import { readDataFile } from './readDataFile.js';
import { terminalConfigSchema, type TerminalConfig } from './terminalConfigSchema.js';

export interface LoadedConfig {
  config: TerminalConfig;
  /** Absolute path of the file it came from; relative paths inside it resolve from its folder. */
  file: string;
}

export async function loadTerminalConfig(file: string): Promise<LoadedConfig> {
  const absolute = path.resolve(file);
  return { config: await readDataFile(absolute, terminalConfigSchema), file: absolute };
}

/** The catalogue folder a terminal reads: its config's catalogueDir (relative to the config file), else kiosk-config/catalogue. */
export function catalogueDirOf(loaded: LoadedConfig): string {
  const { catalogueDir } = loaded.config;
  return catalogueDir ? path.resolve(path.dirname(loaded.file), catalogueDir) : defaultCatalogueDir;
}
