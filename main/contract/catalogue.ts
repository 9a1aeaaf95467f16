import { z } from 'zod';
import { localizedTextSchema } from './terminal.js';

export const catalogueCategoryIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);

export const catalogueCategorySchema = z.object({
  id: catalogueCategoryIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
});
export type CatalogueCategory = z.infer<typeof catalogueCategorySchema>;
