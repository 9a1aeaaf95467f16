import type { Queryable } from '../../lib/sqlite/database.js';
import { ticketLabel } from '../../main/contract/queueOrder.js';
import type { ReplacementReport } from '../../main/contract/terminalSlot.js';

/** The runs of numbers in `first..last` that are not in `issued` (sorted or not), as [from, to] pairs. */
export function missingRuns(first: number, last: number, issued: readonly number[]): [number, number][] {
  const taken = new Set(issued);
  const runs: [number, number][] = [];
  for (let number = first; number <= last; number++) {
    if (taken.has(number)) continue;
    const run = runs.at(-1);
    if (run && run[1] === number - 1) run[1] = number;
    else runs.push([number, number]);
  }
  return runs;
}

/**
 * The numbers leased to a kiosk for the newest day it leased any that it
 * never reported issued. A box that died offline may have printed some of
 * them, so a citizen holding one is genuine. Older days' tickets are void
 * with their day, so only the newest is listed.
 */
export async function unreportedLeasedNumbers(db: Queryable, terminalId: string): Promise<ReplacementReport['unreportedNumbers']> {
  const blocks = await db.all<{ business_day: string; service: string; first_number: number; last_number: number }>(
    `SELECT business_day, service, first_number, last_number FROM queue_block
     WHERE terminal_id = ? AND business_day = (SELECT MAX(business_day) FROM queue_block WHERE terminal_id = ?)
     ORDER BY service, first_number`,
    [terminalId, terminalId],
  );
  const byService = new Map<string, { businessDay: string; service: string; labels: string[] }>();
  for (const block of blocks) {
    const issued = await db.all<{ number: number }>(
      'SELECT number FROM queue_ticket WHERE business_day = ? AND issued_service = ? AND number BETWEEN ? AND ?',
      [block.business_day, block.service, block.first_number, block.last_number],
    );
    const entry = byService.get(block.service) ?? { businessDay: block.business_day, service: block.service, labels: [] };
    for (const [from, to] of missingRuns(
      block.first_number,
      block.last_number,
      issued.map((row) => Number(row.number)),
    )) {
      entry.labels.push(
        from === to ? ticketLabel(block.service, from) : `${ticketLabel(block.service, from)}–${ticketLabel(block.service, to)}`,
      );
    }
    if (entry.labels.length > 0) byService.set(block.service, entry);
  }
  return [...byService.values()];
}
