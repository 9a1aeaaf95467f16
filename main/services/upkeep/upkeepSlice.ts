import { OutboxRepository } from '../../store/outboxRepository.js';
import type { CitizenSession } from '../citizen/citizenSession.js';
import type { HostParts } from '../hostParts.js';
import { QueueCacheRepository } from '../queue/queueCacheRepository.js';
import { DatabaseUpkeep } from './databaseUpkeep.js';
import { NightlyRestarter } from './nightlyRestarter.js';

/** Nothing in the way of a VACUUM: no citizen in a session, no outbox event waiting to be pushed. */
export function terminalIdle(db: HostParts['db'], citizen: CitizenSession): () => Promise<boolean> {
  return async () => citizen.summary() === null && (await new OutboxRepository(db).backlog()) === 0;
}

/**
 * The terminal's upkeep: its database checkpointed (and vacuumed when idle),
 * and a restart every night at the hall's reset hour when no citizen is in a
 * session, where whoever runs the host can restart it (`restart`).
 */
export function createUpkeepSlice(
  { db, logger, events }: Pick<HostParts, 'db' | 'logger' | 'events'>,
  citizen: CitizenSession,
  restart: (() => void) | null,
): { start(): void; stop(): Promise<void> } {
  const database = new DatabaseUpkeep({ db, logger, idle: terminalIdle(db, citizen) });
  const nightly = restart
    ? new NightlyRestarter({ logger, hallDay: () => new QueueCacheRepository(db).rules(), busy: () => citizen.summary() !== null, restart })
    : null;
  let unsubscribe = () => undefined as void;
  return {
    start: () => {
      database.start();
      // A pulled queue may bring the hall's reset hour; the check also finds a session just ended.
      if (nightly) {
        nightly.start();
        unsubscribe = events.subscribe((event) => {
          if (event === 'queue.changed') nightly.nudge();
        });
      } else logger.info('no nightly restart: this host was started without a way to restart it (onewindow start and Electron have one)');
    },
    stop: async () => {
      unsubscribe();
      nightly?.stop();
      await database.stop();
    },
  };
}
