import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../main/contract/errors.js';
import { migrationsDir } from '../../main/store/migrationsDir.js';
import { CatalogueService } from '../../main/services/catalogue/catalogueService.js';
import { openDatabase } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { EventHub } from '../../main/transport/eventHub.js';
import { defaultCatalogueDir } from '../../kiosk-config/paths.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();

async function setUp(enabled: string[]) {
  const dir = await tempDir();
  const catalogueDir = path.join(dir, 'catalogue');
  await cp(defaultCatalogueDir, catalogueDir, { recursive: true });
  const db = await openDatabase(path.join(dir, 'c.db'));
  await migrate(db, await readMigrations(migrationsDir));
  const events = new EventHub();
  const received: unknown[] = [];
  events.subscribe((event, payload) => received.push({ event, payload }));
  return { db, catalogueDir, events, received, service: new CatalogueService(db, catalogueDir, async () => enabled, events) };
}

const categoriesFile = (dir: string) => path.join(dir, 'categories.json');

describe('catalogue service', () => {
  it('seeds the store from the data files and lists the enabled categories in catalogue order', async () => {
    const { service, db } = await setUp(['transport', 'certificates']);
    const seeded = await service.seed();
    expect(seeded).toHaveLength(6);
    const listed = await service.categories();
    expect(listed.map((category) => category.id)).toEqual(['certificates', 'transport']);
    expect(listed[0]?.name).toEqual({ 'zh-CN': '证明打印', en: 'Print certificates' });
    expect(await db.get('SELECT COUNT(*) AS n FROM catalogue_category')).toEqual({ n: 6 });
    await db.close();
  });

  it('reloads an edited catalogue and tells the screens', async () => {
    const { service, db, catalogueDir, received } = await setUp(['certificates', 'housing']);
    await service.seed();
    await writeFile(
      categoriesFile(catalogueDir),
      JSON.stringify({
        categories: [
          {
            id: 'housing',
            name: { 'zh-CN': '住房公积金', en: 'Housing fund' },
            description: { 'zh-CN': '提取与查询', en: 'Withdraw and look up' },
          },
          {
            id: 'certificates',
            name: { 'zh-CN': '证明打印', en: 'Print certificates' },
            description: { 'zh-CN': '六项', en: 'Six items' },
          },
        ],
      }),
    );
    expect(await service.reload()).toEqual({ categories: 2 });
    expect((await service.categories()).map((category) => category.id)).toEqual(['housing', 'certificates']);
    expect(received).toEqual([{ event: 'catalogue.changed', payload: { categories: 2 } }]);
    await db.close();
  });

  it('keeps the stored catalogue when the edited file is bad, and says where', async () => {
    const { service, db, catalogueDir, received } = await setUp(['certificates']);
    await service.seed();
    await writeFile(
      categoriesFile(catalogueDir),
      JSON.stringify({ categories: [{ id: 'Bad Id', name: { 'zh-CN': '坏' }, description: { 'zh-CN': 'x', en: 'x' } }] }),
    );
    const failure = await service.reload().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceError);
    expect((failure as ServiceError).code).toBe('bad_data');
    expect((failure as ServiceError).issues?.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^categories\[0\]\.id: /),
      expect.stringMatching(/^categories\[0\]\.name\.en: /),
    ]);
    expect((await service.categories()).map((category) => category.id)).toEqual(['certificates']);
    expect(received).toEqual([]);
    await db.close();
  });

  it('refuses duplicate category ids', async () => {
    const { service, db, catalogueDir } = await setUp([]);
    const one = { id: 'same', name: { 'zh-CN': '甲', en: 'A' }, description: { 'zh-CN': '甲', en: 'A' } };
    await writeFile(categoriesFile(catalogueDir), JSON.stringify({ categories: [one, one] }));
    await expect(service.seed()).rejects.toThrow(/categories\[1\]\.id: duplicate id "same"/);
    await db.close();
  });
});
