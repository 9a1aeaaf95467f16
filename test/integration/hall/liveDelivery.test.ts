import path from 'node:path';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../../lib/sqlite/migrate.js';
import { liveMessageSchema, maxLiveItems, syncPaths, type LiveMessage } from '../../../main/contract/syncProtocol.js';
import { ChangeLog } from '../../../upstream/sync/changeLog.js';
import { openHallDatabase } from '../../../upstream/storage/openHallDatabase.js';
import { migrationsDir } from '../../../main/store/migrationsDir.js';
import { QueueCacheRepository } from '../../../main/services/queue/queueCacheRepository.js';
import { SyncCursorRepository } from '../../../main/store/syncCursorRepository.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { applyDelivered, pullScope, type ScopeApplier } from '../../../main/sync/puller.js';
import { queueApplier } from '../../../main/services/queue/queueApplier.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** What the hall sends `listener` on its live channel from now on, in order. */
async function liveMessages(hall: LoopbackHall, listener: HallClient): Promise<LiveMessage[]> {
  const messages: LiveMessage[] = [];
  const socket = new WebSocket(`${hall.url.replace('http', 'ws')}${syncPaths.live}`, { headers: listener.signedHeaders(syncPaths.live) });
  cleanups.push(async () => void socket.terminate());
  socket.on('message', (data) => messages.push(liveMessageSchema.parse(JSON.parse(String(data)))));
  await new Promise((resolve) => socket.once('open', resolve));
  return messages;
}

describe.each(hallBackends())('changes delivered on the live channel, hall on %s', (backend) => {
  it('a queue change is announced with its items and the scope head before them; a terminal at that head applies them without pulling', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const listener = new HallClient(await hall.enroll('D-01', { role: 'display' }));
    const head = (await listener.changes('queue', 0)).cursor;
    const messages = await liveMessages(hall, listener);

    const issued = await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    await expect.poll(() => messages.length, { timeout: 5000 }).toBeGreaterThan(0);
    const [message] = messages;
    expect(message).toMatchObject({ scope: 'queue', delivery: { previous: head } });
    expect(message!.delivery!.items.map((item) => item.key)).toEqual([`ticket:${issued.ticket.id}`]);
    expect(message!.cursor).toBe(message!.delivery!.items.at(-1)!.seq);

    // A terminal whose cursor is at the head applies the delivery; one behind it (or never pulled) must pull.
    const db = await openDatabase(path.join(await tempDir(), 'terminal.db'));
    cleanups.push(() => db.close());
    await migrate(db, await readMigrations(migrationsDir));
    expect(await applyDelivered(db, 'D-01', 'queue', queueApplier, message!.delivery!)).toBe(false);
    await new SyncCursorRepository(db).set('queue', head - 1);
    expect(await applyDelivered(db, 'D-01', 'queue', queueApplier, message!.delivery!)).toBe(false);
    await new SyncCursorRepository(db).set('queue', head);
    expect(await applyDelivered(db, 'D-01', 'queue', queueApplier, message!.delivery!)).toBe(true);
    expect(await new SyncCursorRepository(db).get('queue')).toBe(message!.cursor);
    expect((await new QueueCacheRepository(db).tickets(issued.ticket.businessDay)).map((ticket) => ticket.label)).toEqual(['A001']);
    // The same delivery again no longer continues from the cursor: ignored, nothing applied twice.
    expect(await applyDelivered(db, 'D-01', 'queue', queueApplier, message!.delivery!)).toBe(false);
  });

  it('a burst of more changes than a message carries is announced by its scope alone (terminals pull it); the next change is delivered after it', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const listener = new HallClient(await hall.enroll('D-01', { role: 'display' }));
    const messages = await liveMessages(hall, listener);
    const changes = new ChangeLog(hall.db);
    const many = new Map(Array.from({ length: maxLiveItems + 20 }, (_, index) => [`item-${index}`, { index }] as const));
    await changes.publish('catalogue', many);
    await expect.poll(() => messages.filter((message) => message.scope === 'catalogue').length, { timeout: 5000 }).toBe(1);
    const burst = messages.find((message) => message.scope === 'catalogue')!;
    const head = (await changes.scopeHeadsAfter(-1)).get('catalogue')!;
    expect(burst).toEqual({ type: 'changed', scope: 'catalogue', cursor: head });

    await changes.publish('catalogue', new Map([...many, ['item-new', { index: -1 }]]));
    await expect.poll(() => messages.filter((message) => message.scope === 'catalogue').length, { timeout: 5000 }).toBe(2);
    expect(messages.filter((message) => message.scope === 'catalogue')[1]).toMatchObject({
      cursor: head + 1,
      delivery: { previous: head, items: [{ seq: head + 1, key: 'item-new', value: { index: -1 } }] },
    });
  });

  it("a terminal applies the hall's changes, pulled or delivered, without waiting for the disk; its own writes still wait", async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const display = new HallClient(await hall.enroll('D-01', { role: 'display' }));
    const db = await openDatabase(path.join(await tempDir(), 'terminal.db'));
    cleanups.push(() => db.close());
    await migrate(db, await readMigrations(migrationsDir));
    const levels: number[] = [];
    const level = async (on: { get: typeof db.get }) => (await on.get<{ synchronous: number }>('PRAGMA synchronous'))!.synchronous;
    const probing: ScopeApplier = async (tx, ...rest) => {
      levels.push(await level(tx));
      await queueApplier(tx, ...rest);
    };
    await pullScope(db, display, 'queue', probing);
    const head = await new SyncCursorRepository(db).get('queue');
    await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    const { items } = await display.changes('queue', head);
    expect(await applyDelivered(db, 'D-01', 'queue', probing, { previous: head, items })).toBe(true);
    // SQLite's synchronous=NORMAL (1) in WAL: a crash keeps the copy whole, a power cut at worst makes the terminal pull again.
    expect(levels).toEqual([1, 1]);
    expect(await level(db)).toBe(2);
  });

  it("the hall's own commits, sent without a read, and another process's, read back, interleave: each change once, in order, each delivery continuing the last", async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const listener = new HallClient(await hall.enroll('D-01', { role: 'display' }));
    const messages = await liveMessages(hall, listener);
    const heads = { queue: (await listener.changes('queue', 0)).cursor, catalogue: (await listener.changes('catalogue', 0)).cursor };
    // As `onewindow hall catalogue publish` would, from its own process: changes numbered between the hall's own.
    const other = await openHallDatabase(hall.location);
    cleanups.push(() => other.close());
    const elsewhere = new ChangeLog(other);
    const rounds = 30;
    await Promise.all([
      (async () => {
        for (let round = 0; round < rounds; round += 1)
          await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
      })(),
      (async () => {
        for (let round = 0; round < rounds; round += 1) await elsewhere.set('catalogue', `item-${round}`, { round });
      })(),
    ]);
    const final = {
      queue: (await listener.changes('queue', heads.queue)).cursor,
      catalogue: (await listener.changes('catalogue', heads.catalogue)).cursor,
    };
    await expect
      .poll(
        () =>
          (['queue', 'catalogue'] as const).every((scope) =>
            messages.some((message) => message.scope === scope && message.cursor === final[scope]),
          ),
        {
          timeout: 5000,
        },
      )
      .toBe(true);
    for (const scope of ['queue', 'catalogue'] as const) {
      const mine = messages.filter((message) => message.scope === scope);
      // Each message of a scope continues exactly from the one before: its changes along, or (a burst, should the
      // channel fall behind) the terminal pulls up to its cursor. Together: every change once, in order.
      let previous = heads[scope];
      const seqs: number[] = [];
      for (const message of mine) {
        if (message.delivery) {
          expect(message.delivery.previous).toBe(previous);
          seqs.push(...message.delivery.items.map((item) => item.seq));
        } else {
          const page = await listener.changes(scope, previous);
          seqs.push(...page.items.filter((item) => item.seq <= message.cursor).map((item) => item.seq));
        }
        previous = message.cursor;
      }
      expect(seqs).toEqual((await listener.changes(scope, heads[scope])).items.map((item) => item.seq));
      expect(seqs.length).toBeGreaterThanOrEqual(rounds);
    }
  });
});
