import { createHash } from 'node:crypto';
import type { Queryable } from '../../lib/sqlite/database.js';
import { canonicalJson } from '../contract/citizenServices.js';

const genesis = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  kind: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prevHash: string, seq: number, at: string, kind: string, detail: string): string {
  return createHash('sha256').update(canonicalJson({ prevHash, seq, at, kind, detail })).digest('hex');
}

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; problem: string };

/** The terminal's hash-chained audit log. `append` joins the caller's transaction. */
export class AuditLog {
  constructor(private readonly db: Queryable) {}

  /** Appends an entry; returns its number and hash (for the outbox, so the hall holds the chain's head too). */
  async append(kind: string, detail: Record<string, unknown>, at: Date = new Date()): Promise<{ seq: number; hash: string }> {
    const last = await this.db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1');
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? genesis;
    const text = canonicalJson(detail);
    const hash = entryHash(prevHash, seq, at.toISOString(), kind, text);
    await this.db.run('INSERT INTO audit_entry (seq, at, kind, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)', [
      seq,
      at.toISOString(),
      kind,
      text,
      prevHash,
      hash,
    ]);
    await this.db.run(
      'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
      [seq, hash],
    );
    return { seq, hash };
  }

  /** Walks the chain from the start: a gap in the numbers, a changed entry or a relinked one is reported with where. */
  async verify(): Promise<AuditVerdict> {
    const rows = await this.db.all<AuditRow>('SELECT seq, at, kind, detail, prev_hash, hash FROM audit_entry ORDER BY seq');
    let prevHash = genesis;
    for (const [index, row] of rows.entries()) {
      const broken = (problem: string): AuditVerdict => ({ ok: false, entries: rows.length, brokenAt: row.seq, problem });
      if (row.seq !== index + 1) return broken(`entry ${index + 1} is missing (the next is ${row.seq})`);
      if (row.prev_hash !== prevHash) return broken(`entry ${row.seq} does not follow entry ${row.seq - 1}`);
      if (entryHash(row.prev_hash, row.seq, row.at, row.kind, row.detail) !== row.hash)
        return broken(`entry ${row.seq} was changed after it was written`);
      prevHash = row.hash;
    }
    const head = await this.db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
    const last = rows.at(-1);
    if (head && (last?.seq !== head.seq || last.hash !== head.hash)) {
      return {
        ok: false,
        entries: rows.length,
        brokenAt: (last?.seq ?? 0) + 1,
        problem: `the log ends at entry ${last?.seq ?? 0} but entry ${head.seq} was written: entries were removed from the end`,
      };
    }
    return { ok: true, entries: rows.length };
  }
}
