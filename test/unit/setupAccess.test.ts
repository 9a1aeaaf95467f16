import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { ServiceError } from '../../main/contract/errors.js';
import { migrationsDir } from '../../main/store/migrationsDir.js';
import { generatePin, hashPin, pinMatches } from '../../main/services/setup/pinHash.js';
import { SetupAccess, type SetupAccessOptions } from '../../main/services/setup/setupAccess.js';
import { OutboxRepository } from '../../main/store/outboxRepository.js';
import { SetupAccessRepository } from '../../main/services/setup/setupAccessRepository.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
const open: Database[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function terminalStore(file?: string): Promise<Database> {
  const db = await openDatabase(file ?? path.join(await tempDir(), 'K-01.db'));
  await migrate(db, await readMigrations(migrationsDir));
  open.push(db);
  return db;
}

async function outcome(attempt: Promise<unknown>): Promise<string | undefined> {
  try {
    await attempt;
    return undefined;
  } catch (error) {
    return error instanceof ServiceError ? `${error.code}: ${error.message}` : String(error);
  }
}

async function access(options: Partial<SetupAccessOptions> & { db: Database }): Promise<SetupAccess> {
  return new SetupAccess({ terminalId: 'K-01', pin: '246813', ...options });
}

describe('setup access (technician PIN)', () => {
  it('gives a token for the right PIN that privileged calls accept until it expires', async () => {
    const time = clock();
    const gate = await access({ db: await terminalStore(), sessionMs: 60_000, now: time.now });
    const { setupToken, expiresAt } = await gate.unlock('246813');
    expect(new Date(expiresAt).getTime()).toBe(time.now() + 60_000);
    expect(() => gate.require(setupToken)).not.toThrow();
    expect(() => gate.require(`${setupToken}x`)).toThrow(ServiceError);
    time.advance(60_000);
    expect(() => gate.require(setupToken)).toThrow('setup mode is locked; enter the PIN again');
  });

  it('locks after 5 wrong PINs for 1 min, then 5 min, 15 min, 1 h and 1 h again, even for the right PIN', async () => {
    const time = clock();
    const db = await terminalStore();
    const gate = await access({ db, now: time.now });
    const ladder = [60, 300, 900, 3600, 3600];
    for (const [round, seconds] of ladder.entries()) {
      for (let wrong = 1; wrong < 5; wrong += 1) expect(await outcome(gate.unlock('000000'))).toBe('forbidden: wrong PIN');
      expect(await outcome(gate.unlock('000000'))).toBe(`forbidden: too many wrong PINs; try again in ${seconds} s`);
      expect(await outcome(gate.unlock('246813'))).toBe(`forbidden: too many wrong PINs; try again in ${seconds} s`);
      expect(await new SetupAccessRepository(db).lockout()).toEqual({
        failures: 5 * (round + 1),
        lockouts: round + 1,
        lockedUntil: time.now() + seconds * 1000,
      });
      time.advance(seconds * 1000 - 1);
      expect(await outcome(gate.unlock('246813'))).toBe('forbidden: too many wrong PINs; try again in 1 s');
      time.advance(1);
    }
    // Each lockout is an outbox event for the hall, written with the count.
    const events = await new OutboxRepository(db).pending(100);
    expect(events.map((event) => [event.type, event.payload.failures, event.payload.lockouts])).toEqual(
      ladder.map((_, round) => ['setup.locked-out', 5 * (round + 1), round + 1]),
    );
    expect(events[0]!.payload).toEqual({
      terminalId: 'K-01',
      failures: 5,
      lockouts: 1,
      lockedUntil: new Date(1_000_000 + 60_000).toISOString(),
    });
    // The right PIN, once the lock is over, starts the ladder again.
    expect(await outcome(gate.unlock('246813'))).toBeUndefined();
    for (let wrong = 1; wrong < 5; wrong += 1) await outcome(gate.unlock('000000'));
    expect(await outcome(gate.unlock('000000'))).toBe('forbidden: too many wrong PINs; try again in 60 s');
  });

  it('keeps the count and the lock in the store: a new gate on the same database (a restart) is still locked', async () => {
    const time = clock();
    const file = path.join(await tempDir(), 'K-01.db');
    const first = await access({ db: await terminalStore(file), now: time.now });
    for (let wrong = 0; wrong < 4; wrong += 1) await outcome(first.unlock('000000'));
    await open.pop()!.close();
    const second = await access({ db: await terminalStore(file), now: time.now });
    expect(await outcome(second.unlock('111111'))).toBe('forbidden: too many wrong PINs; try again in 60 s');
  });

  it('does not check parallel guesses against the same count', async () => {
    const gate = await access({ db: await terminalStore() });
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, index) => outcome(gate.unlock(String(100000 + index)))));
    expect(outcomes.filter((text) => text === 'forbidden: wrong PIN')).toHaveLength(4);
    expect(outcomes.filter((text) => text?.startsWith('forbidden: too many wrong PINs'))).toHaveLength(16);
  });

  it('checks a hall-issued PIN against its scrypt hash, which replaces the config PIN and lifts a lockout', async () => {
    const db = await terminalStore();
    const gate = await access({ db });
    for (let wrong = 0; wrong < 5; wrong += 1) await outcome(gate.unlock('000000'));
    const pin = generatePin(8);
    expect(pin).toMatch(/^\d{8}$/);
    const record = await hashPin(pin);
    expect(JSON.stringify(record)).not.toContain(pin);
    expect(await pinMatches(record, pin)).toBe(true);
    await new SetupAccessRepository(db).putHallPin(record);
    expect(await outcome(gate.unlock('246813'))).toBe('forbidden: wrong PIN');
    expect(await outcome(gate.unlock(pin))).toBeUndefined();
  });

  it('cannot be opened without a PIN from the hall or the configuration', async () => {
    const gate = await access({ db: await terminalStore(), pin: undefined });
    expect(await outcome(gate.unlock('123456'))).toMatch(/^forbidden: setup mode has no PIN/);
    expect(() => gate.require('anything-long-enough')).toThrow(ServiceError);
  });
});
