import type { Queryable } from '../../../lib/sqlite/database.js';
import { setupPinHashSchema, type SetupPinHash } from '../../contract/setupPin.js';

export interface LockoutState {
  /** Wrong PINs since the last right one. */
  failures: number;
  /** Lockouts since the last right one: how far up the ladder the next one goes. */
  lockouts: number;
  /** Epoch ms; 0 when not locked. */
  lockedUntil: number;
}

/** The setup PIN the hall issued and the wrong-PIN lockout, in the terminal's store (migration 0007). */
export class SetupAccessRepository {
  constructor(private readonly db: Queryable) {}

  async hallPin(): Promise<SetupPinHash | null> {
    const row = await this.db.get<{ value: string }>('SELECT value FROM setup_pin WHERE id = 1');
    return row ? setupPinHashSchema.parse(JSON.parse(row.value)) : null;
  }

  /** A new PIN from the hall (null: the hall withdrew it) also lifts a lockout: the hall is who answers a locked terminal. */
  async putHallPin(record: SetupPinHash | null): Promise<void> {
    if (record === null) await this.db.run('DELETE FROM setup_pin WHERE id = 1');
    else
      await this.db.run('INSERT INTO setup_pin (id, value) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value', [
        JSON.stringify(record),
      ]);
    await this.saveLockout({ failures: 0, lockouts: 0, lockedUntil: 0 });
  }

  async lockout(): Promise<LockoutState> {
    const row = await this.db.get<{ failures: number; lockouts: number; locked_until: number }>(
      'SELECT failures, lockouts, locked_until FROM setup_lockout WHERE id = 1',
    );
    return { failures: row?.failures ?? 0, lockouts: row?.lockouts ?? 0, lockedUntil: row?.locked_until ?? 0 };
  }

  async saveLockout(state: LockoutState): Promise<void> {
    await this.db.run(
      'INSERT INTO setup_lockout (id, failures, lockouts, locked_until) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, locked_until = excluded.locked_until',
      [state.failures, state.lockouts, state.lockedUntil],
    );
  }
}
