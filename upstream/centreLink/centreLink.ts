import type { Database } from '../../lib/sqlite/database.js';
import type { SecretBox } from '../identity/secretBox.js';
import { centreEnrolAnswerSchema, centrePaths } from '../centre/centreProtocol.js';

/** The centre a hall reports to, as the hall keeps it. */
export interface CentreLink {
  centreUrl: string;
  hallId: string;
  secret: string;
  backfilled: boolean;
  /** When this link was made: a round that read an older one does nothing. */
  linkedAt: string;
}

// The secret is sealed bound to this id, so it cannot be passed off as a terminal's.
const sealedAs = (hallId: string) => `centre:${hallId}`;

export async function readCentreLink(db: Database, secrets: SecretBox): Promise<CentreLink | null> {
  const row = await db.get<{ centre_url: string; hall_id: string; secret: string; backfilled_at: string | null; linked_at: string }>(
    'SELECT centre_url, hall_id, secret, backfilled_at, linked_at FROM centre_link WHERE id = 1',
  );
  if (!row) return null;
  return {
    centreUrl: row.centre_url,
    hallId: row.hall_id,
    secret: secrets.open(sealedAs(row.hall_id), row.secret),
    backfilled: row.backfilled_at !== null,
    linkedAt: row.linked_at,
  };
}

export async function markBackfilled(db: Database, at: Date): Promise<void> {
  await db.run('UPDATE centre_link SET backfilled_at = ? WHERE id = 1', [at.toISOString()]);
}

/**
 * `onewindow hall link-centre`: trades the centre's one-time code for the
 * hall's id and secret there. A hall linked before (to this centre or
 * another) starts over: its whole history goes to the centre it is linked to now.
 */
export async function linkCentre(
  db: Database,
  secrets: SecretBox,
  centreUrl: string,
  code: string,
  now: Date,
): Promise<{ hallId: string; name: string }> {
  const base = new URL(centreUrl).origin;
  const response = await fetch(`${base}${centrePaths.enrol}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  }).catch((error: unknown) => {
    throw new Error(`cannot reach the centre at ${base}: ${(error as Error).message}`, { cause: error });
  });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${response.status}`;
    throw new Error(`the centre at ${base} refused the code: ${message}`);
  }
  const answer = centreEnrolAnswerSchema.parse(body);
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM centre_outbox');
    await tx.run('DELETE FROM centre_hour_sent');
    await tx.run(
      `INSERT INTO centre_link (id, centre_url, hall_id, secret, linked_at, backfilled_at) VALUES (1, ?, ?, ?, ?, NULL)
       ON CONFLICT (id) DO UPDATE SET centre_url = excluded.centre_url, hall_id = excluded.hall_id, secret = excluded.secret,
         linked_at = excluded.linked_at, backfilled_at = NULL`,
      [base, answer.hallId, secrets.seal(sealedAs(answer.hallId), answer.secret), now.toISOString()],
    );
  });
  return { hallId: answer.hallId, name: answer.name };
}
