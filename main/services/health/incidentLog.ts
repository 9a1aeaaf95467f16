import type { Logger } from '../../../lib/logger.js';
import { openDatabase } from '../../../lib/sqlite/database.js';
import type { TerminalIncident } from '../../contract/terminalIncident.js';
import { appendEvent } from '../../store/outboxRepository.js';

/**
 * Logs an incident and writes it into the terminal's outbox, which the host
 * pushes to the hall (at once if it runs, else when it is back).
 */
export async function recordIncident(
  databasePath: string,
  logger: Logger,
  incident: TerminalIncident,
  /** Who saw it: the supervising launcher, or Electron's main process watching its windows. */
  seenBy: 'launcher' | 'electron' = 'launcher',
): Promise<void> {
  logger.warn(incident, `${seenBy}: ${incident.kind}; restarting in ${incident.restartInMs} ms`);
  try {
    const db = await openDatabase(databasePath);
    try {
      await db.transaction((tx) => appendEvent(tx, 'terminal.incident', incident));
    } finally {
      await db.close();
    }
  } catch (error) {
    logger.warn({ err: error }, `${seenBy}: could not write the incident to the outbox`);
  }
}
