import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readHallQueue } from '../../hall-config/readHallQueue.js';
import type { Database } from '../../lib/sqlite/database.js';
import { openHallDatabase } from '../../upstream/storage/openHallDatabase.js';
import { hallFigures } from '../../upstream/statistics/hallFigures.js';
import { writeHallHistory } from './hallHistory.js';
import { hourFigures } from '../../upstream/centreLink/hourFigures.js';
import { recentDays } from '../../upstream/centreLink/centreOutbox.js';
import { medianMs, report } from './measure.js';
import { performance } from 'node:perf_hooks';

const lastDay = '2026-11-28';
/** 20:00 in Shanghai on the last day: it is the hall's open business day. */
const now = new Date(`${lastDay}T12:00:00Z`);
const dayOf = (back: number) => new Date(Date.parse(`${lastDay}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);

/**
 * The dashboard's figures for a day, a month and a year of a 60-window hall
 * with 2 years of history (~1M tickets; ONEWINDOW_BENCH_HISTORY_DAYS makes it
 * smaller, as CI does), against a plain count(*) over the same rows, on SQLite
 * and (when ONEWINDOW_TEST_POSTGRES_URL is set) PostgreSQL: once as a hall
 * upgraded to rolled-up days first asks (rolling them up), then as it does
 * every day after, with today open.
 */
export async function benchFiguresVolume(): Promise<void> {
  const days = Number(process.env.ONEWINDOW_BENCH_HISTORY_DAYS ?? (process.env.CI ? 40 : 730));
  const queue = {
    ...(await readHallQueue()),
    windows: Array.from({ length: 60 }, (_, index) => ({ window: index + 1, services: ['A', 'B', 'C', 'D'] })),
  };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-volume-'));
  const backends: [string, string, () => Promise<void>][] = [['sqlite', path.join(dir, 'hall.db'), async () => undefined]];
  const admin = process.env.ONEWINDOW_TEST_POSTGRES_URL;
  if (admin) {
    const name = `ow_bench_volume_${process.pid}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    backends.push([
      'postgres',
      url.toString(),
      async () => {
        const dropper = new pg.Client({ connectionString: admin });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    ]);
  }
  try {
    for (const [backend, location, drop] of backends) {
      const db: Database = await openHallDatabase(location);
      try {
        const tickets = await writeHallHistory(db, queue, { days, lastDay, ticketsPerDay: 1450, windows: 60 });
        await db.exec('ANALYZE');
        const countOf = (from: string, to: string) =>
          medianMs(5, () => db.get('SELECT count(*) AS n FROM queue_ticket WHERE business_day >= ? AND business_day <= ?', [from, to]));
        // The last day is today, open (20:00 in the hall): read live each time; the days before it are closed and rolled up.
        const year = dayOf(Math.min(365, days) - 1);
        const started = performance.now();
        await hallFigures(db, queue, year, dayOf(1), now);
        const firstRoll = performance.now() - started;
        report(
          `figures: the first year asked for, rolling its ${Math.min(365, days) - 1} closed days up (${backend}, once)`,
          firstRoll,
          'count(*) of the same rows',
          await countOf(year, dayOf(1)),
        );
        for (const [label, from, to] of [
          ['today, open', lastDay, lastDay],
          ['yesterday, closed', dayOf(1), dayOf(1)],
          ['month to today', dayOf(29), lastDay],
          ['year to today', year, lastDay],
        ] as const) {
          const figures = await medianMs(3, () => hallFigures(db, queue, from, to, now));
          report(
            `figures ${label} (${backend}, ${tickets} tickets in the hall)`,
            figures,
            'count(*) of the same rows',
            await countOf(from, to),
          );
        }
        // What the hall computes for its district centre each round (every 30 s): the last 8 days' hour figures.
        const recent = dayOf(recentDays);
        const count = await medianMs(5, () =>
          db.get('SELECT count(*) AS n FROM queue_ticket WHERE business_day >= ? AND business_day <= ?', [recent, lastDay]),
        );
        const round = await medianMs(3, () => hourFigures(db, queue, recent, lastDay));
        report(`hour figures for the centre, last ${recentDays + 1} days (${backend})`, round, 'count(*) of the same rows', count);
      } finally {
        await db.close();
        await drop();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFiguresVolume();
