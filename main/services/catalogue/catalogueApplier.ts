import { hallCatalogueItemSchema } from '../../contract/catalogue.js';
import type { ScopeApplier } from '../../sync/puller.js';
import { CatalogueCategoryRepository } from './catalogueCategoryRepository.js';

/** The hall's catalogue replaces the seeded one on the first pull; later pages add, change and remove categories. */
export const catalogueApplier: ScopeApplier = async (tx, items, first) => {
  const categories = new CatalogueCategoryRepository(tx);
  if (first) await categories.replaceAll([]);
  for (const item of items) {
    if (item.value === null) await categories.remove(item.key);
    else await categories.upsert(hallCatalogueItemSchema.parse(item.value));
  }
};
