import path from 'node:path';
import { z } from 'zod';
import { catalogueCategoryIdSchema, type CatalogueCategory } from '../main/contract/catalogue.js';
import { localizedTextSchema } from '../main/contract/terminal.js';
import { readDataFile } from './readDataFile.js';

export const categoriesFileSchema = z
  .object({
    $schema: z.string().optional(),
    categories: z
      .array(
        z
          .object({
            id: catalogueCategoryIdSchema,
            name: localizedTextSchema,
            description: localizedTextSchema,
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.categories.forEach((category, index) => {
      if (seen.has(category.id)) {
        context.addIssue({ code: 'custom', path: ['categories', index, 'id'], message: `duplicate id "${category.id}"` });
      }
      seen.add(category.id);
    });
  });

/** The catalogue is data: the categories file in `directory` (kiosk-config/catalogue by default). */
export async function readCatalogueCategories(directory: string): Promise<CatalogueCategory[]> {
  const file = await readDataFile(path.join(directory, 'categories.json'), categoriesFileSchema);
  return file.categories;
}
