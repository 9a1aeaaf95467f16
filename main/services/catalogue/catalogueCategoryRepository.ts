import type { CatalogueCategory, HallCatalogueItem } from '../../contract/catalogue.js';
import type { Queryable } from '../../../lib/sqlite/database.js';

interface CategoryRow {
  id: string;
  name_zh_cn: string;
  name_en: string;
  description_zh_cn: string;
  description_en: string;
}

/** Repositories take any Queryable: the database, or a transaction's scope to join it. */
export class CatalogueCategoryRepository {
  constructor(private readonly db: Queryable) {}

  async list(): Promise<CatalogueCategory[]> {
    const rows = await this.db.all<CategoryRow>(
      'SELECT id, name_zh_cn, name_en, description_zh_cn, description_en FROM catalogue_category ORDER BY position',
    );
    return rows.map((row) => ({
      id: row.id,
      name: { 'zh-CN': row.name_zh_cn, en: row.name_en },
      description: { 'zh-CN': row.description_zh_cn, en: row.description_en },
    }));
  }

  async upsert(item: HallCatalogueItem): Promise<void> {
    await this.db.run(
      `INSERT INTO catalogue_category (id, position, name_zh_cn, name_en, description_zh_cn, description_en) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET position = excluded.position, name_zh_cn = excluded.name_zh_cn, name_en = excluded.name_en,
         description_zh_cn = excluded.description_zh_cn, description_en = excluded.description_en`,
      [item.id, item.position, item.name['zh-CN'], item.name.en, item.description['zh-CN'], item.description.en],
    );
  }

  async remove(id: string): Promise<void> {
    await this.db.run('DELETE FROM catalogue_category WHERE id = ?', [id]);
  }

  /** Makes the table hold exactly `categories`, in their order; give it a transaction's scope. */
  async replaceAll(categories: readonly CatalogueCategory[]): Promise<void> {
    await this.db.run('DELETE FROM catalogue_category');
    for (const [position, category] of categories.entries()) {
      await this.db.run(
        `INSERT INTO catalogue_category (id, position, name_zh_cn, name_en, description_zh_cn, description_en)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [category.id, position, category.name['zh-CN'], category.name.en, category.description['zh-CN'], category.description.en],
      );
    }
  }
}
