import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { migrationsDir } from '../../main/store/migrationsDir.js';
import { HallClient } from '../../main/sync/hallClient.js';
import { pullScope } from '../../main/sync/puller.js';
import { catalogueApplier } from '../../main/services/catalogue/catalogueApplier.js';
import { CatalogueCategoryRepository } from '../../main/services/catalogue/catalogueCategoryRepository.js';
import { ChangeLog } from '../../upstream/sync/changeLog.js';
import { startLoopbackHall } from '../support/hallOnLoopback.js';

/** Pulling a 10 000-item catalogue (10 signed pages, each applied in one transaction) against writing the same rows locally. */
export async function benchPullCatalogue(): Promise<void> {
  const count = 10_000;
  const hall = await startLoopbackHall();
  const items = new Map(
    Array.from({ length: count }, (_, index) => {
      const id = `item-${String(index).padStart(5, '0')}`;
      return [
        id,
        { id, position: index, name: { 'zh-CN': `事项${index}`, en: `Item ${index}` }, description: { 'zh-CN': '说明', en: 'About' } },
      ] as const;
    }),
  );
  await new ChangeLog(hall.db).publish('catalogue', items);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-'));
  await mkdir(dir, { recursive: true });
  const db = await openDatabase(path.join(dir, 'terminal.db'));
  await migrate(db, await readMigrations(migrationsDir));
  const client = new HallClient(await hall.enroll('K-PULL', { role: 'kiosk' }));

  let start = performance.now();
  const applied = await pullScope(db, client, 'catalogue', catalogueApplier);
  const pullMs = performance.now() - start;

  const local = await openDatabase(path.join(dir, 'local.db'));
  await migrate(local, await readMigrations(migrationsDir));
  start = performance.now();
  const values = [...items.values()];
  for (let offset = 0; offset < values.length; offset += 1000) {
    await local.transaction(async (tx) => {
      const repository = new CatalogueCategoryRepository(tx);
      for (const item of values.slice(offset, offset + 1000)) await repository.upsert(item);
    });
  }
  const localMs = performance.now() - start;
  console.log(
    `pull: ${applied} catalogue items in ${pullMs.toFixed(0)} ms vs the same rows written locally in ${localMs.toFixed(0)} ms = ${(pullMs / localMs).toFixed(2)}×`,
  );
  await local.close();
  await db.close();
  await hall.close();
  await rm(dir, { recursive: true, force: true });
}
