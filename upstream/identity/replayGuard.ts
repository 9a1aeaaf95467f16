import { openDatabase, type Database } from '../../lib/sqlite/database.js';
import { replayWindowMs } from '../../lib/requestSigning.js';
import type { KnownTerminal } from './terminalRegistry.js';

/** Rows older than this can go: a request that old is refused as stale before it is looked up. */
const keepMs = 2 * replayWindowMs;

/**
 * Remembers the signatures seen within the replay window in the hall's
 * database, so a captured request cannot be sent twice: not after a restart,
 * and not to another hall process on the same PostgreSQL. The primary key
 * decides: the first INSERT wins, every later one changes no row.
 */
export class ReplayGuard {
  #prunedAt = 0;

  private constructor(
    private readonly db: Database,
    readonly close: () => Promise<void>,
  ) {}

  /**
   * The guard over the hall's database. On SQLite it writes through its own
   * connection that commits without waiting for the disk (WAL with
   * synchronous=NORMAL): a commit survives the hall process ending, which is
   * what refusing a replay after a restart needs, and a signed request does
   * not wait for an fsync. Only a power cut can lose the last rows, and a
   * machine takes longer to come back than the replay window lasts.
   */
  static async over(db: Database): Promise<ReplayGuard> {
    if (/^postgres(ql)?:\/\//.test(db.path)) return new ReplayGuard(db, async () => undefined);
    const own = await openDatabase(db.path);
    await own.exec('PRAGMA synchronous = NORMAL');
    return new ReplayGuard(own, () => own.close());
  }

  /**
   * True the first time a signature is offered within the window, and only
   * while the signer's row is still the one the signature was checked
   * against: not revoked, not enrolled again, same role and window. One
   * statement does both, so a terminal remembered in memory costs no lookup
   * and a revoke by another process still counts at once. False means a
   * replay or a changed terminal; the caller looks the terminal up afresh.
   */
  async firstUse(signature: string, now: number, signer: KnownTerminal): Promise<boolean> {
    if (now - this.#prunedAt > replayWindowMs) {
      this.#prunedAt = now;
      await this.db.run('DELETE FROM seen_signature WHERE seen_at < ?', [now - keepMs]);
    }
    const inserted = await this.db.run(
      `INSERT INTO seen_signature (signature, seen_at)
       SELECT ?, ? WHERE EXISTS (
         SELECT 1 FROM terminal WHERE id = ? AND revoked_at IS NULL AND secret = ? AND role = ? AND COALESCE(window_number, 0) = ?)
       ON CONFLICT (signature) DO NOTHING`,
      [signature, now, signer.terminalId, signer.sealed, signer.role, signer.window ?? 0],
    );
    return inserted.changes === 1;
  }
}
