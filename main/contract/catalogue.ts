import { z } from 'zod';
import { localizedTextSchema } from './terminal.js';

export const catalogueCategoryIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);

export const catalogueCategorySchema = z.object({
  id: catalogueCategoryIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
});
export type CatalogueCategory = z.infer<typeof catalogueCategorySchema>;

/** A category as the hall server publishes it to terminals (scope "catalogue", keyed by id). */
export const hallCatalogueItemSchema = catalogueCategorySchema.extend({ position: z.number().int().nonnegative() });
export type HallCatalogueItem = z.infer<typeof hallCatalogueItemSchema>;
