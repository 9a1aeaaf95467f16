import type { Database } from '../../lib/sqlite/database.js';
import { maskIdNumber } from '../../main/contract/identity.js';

export interface SweepCounts {
  appointments: number;
  requests: number;
  events: number;
  careEvidence: number;
}

/** How long the hall keeps personal data of finished business unless told otherwise (--retention-days). */
export const defaultRetentionDays = 180;

/**
 * How long a remote-care screenshot (what a citizen saw, personal data and all) and fetched log lines are kept:
 * they serve the technician's look at the moment; the command's record (who, when, what, outcome) stays.
 */
export const careEvidenceDays = 7;

/**
 * Removes personal data the hall no longer needs, `days` after the business
 * it served: an appointment's ID number (masked, as receipts show it) and
 * phone once its time is that far past; a convenience request's ID number
 * (masked), name and details (address, phone, text) that long after it was
 * received, once the department has it; the payloads of terminals' events.
 * What stays (codes, services, times, statuses, departments) keeps the
 * statistics and progress lookups working. A row is swept once: its emptied
 * phone, name or payload marks it. Remote care's screenshots and log lines go
 * sooner (`careEvidenceDays`).
 */
export async function sweepPersonalData(db: Database, now: Date, days: number): Promise<SweepCounts> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction(async (tx) => {
    const appointments = await tx.all<{ code: string; id_number: string }>(
      "SELECT code, id_number FROM appointment WHERE starts_at < ? AND phone <> ''",
      [cutoff],
    );
    for (const row of appointments)
      await tx.run("UPDATE appointment SET id_number = ?, phone = '' WHERE code = ?", [maskIdNumber(row.id_number), row.code]);
    const requests = await tx.all<{ reference: string; id_number: string }>(
      "SELECT reference, id_number FROM service_request WHERE received_at < ? AND name <> ''",
      [cutoff],
    );
    for (const row of requests)
      await tx.run("UPDATE service_request SET id_number = ?, name = '', details = '{}' WHERE reference = ?", [
        maskIdNumber(row.id_number),
        row.reference,
      ]);
    const events = await tx.run("UPDATE terminal_event SET payload = '{}' WHERE received_at < ? AND payload <> '{}'", [cutoff]);
    const careCutoff = new Date(now.getTime() - careEvidenceDays * 86_400_000).toISOString();
    const care = await tx.run(
      'UPDATE care_command SET png = NULL, log_lines = NULL WHERE requested_at < ? AND (png IS NOT NULL OR log_lines IS NOT NULL)',
      [careCutoff],
    );
    return { appointments: appointments.length, requests: requests.length, events: events.changes, careEvidence: care.changes };
  });
}
