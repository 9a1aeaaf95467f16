import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../lib/packageRoot.js';
import { readDataFile } from '../kiosk-config/readDataFile.js';

/** The catalogue terminals start from until the hall publishes its own (`onewindow hall catalogue publish`). */
export const defaultCategoriesFile = path.join(packageRoot, 'kiosk-config', 'catalogue', 'categories.json');

/** The service (category) ids a terminal may be given, from a categories file: what the hall checks a slot's services against. */
export async function readServiceIds(file: string = defaultCategoriesFile): Promise<string[]> {
  const parsed = await readDataFile(file, z.object({ categories: z.array(z.object({ id: z.string() }).loose()).min(1) }).loose());
  return parsed.categories.map((category) => category.id);
}
