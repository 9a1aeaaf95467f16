import { statfs } from 'node:fs/promises';
import os from 'node:os';
import type { Heartbeat } from '../../contract/health.js';
import type { TerminalStatus } from '../../contract/status.js';
import type { TerminalConfig } from '../../../kiosk-config/terminalConfigSchema.js';
import type { Queryable } from '../../../lib/sqlite/database.js';
import { OutboxRepository } from '../../store/outboxRepository.js';
import { SyncCursorRepository } from '../../store/syncCursorRepository.js';

export interface BeatSources {
  db: Queryable;
  config: TerminalConfig;
  version: string;
  dataDir: string;
  status(): TerminalStatus;
  lastPullAt(): Date | null;
  screen(): string | null;
}

/** Free bytes for an unprivileged writer where the database lives; null where the system will not say. */
async function freeDisk(dir: string): Promise<number | null> {
  try {
    const stats = await statfs(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** This terminal's state as one heartbeat: everything, every time, so the hall needs no earlier beat to read it. */
export async function collectBeat(sources: BeatSources): Promise<Heartbeat> {
  const outbox = new OutboxRepository(sources.db);
  const byType = await outbox.backlogByType();
  return {
    terminalId: sources.config.terminalId,
    version: sources.version,
    uptimeSeconds: Math.floor(process.uptime()),
    role: sources.config.role,
    window: sources.config.windowNumber ?? null,
    intervalSeconds: sources.config.heartbeatSeconds,
    devices: sources.status().devices,
    backlog: { events: Object.values(byType).reduce((sum, count) => sum + count, 0), oldestAt: await outbox.oldestAt(), byType },
    lastPullAt: sources.lastPullAt()?.toISOString() ?? null,
    configApplied: await new SyncCursorRepository(sources.db).get('config'),
    freeDiskBytes: await freeDisk(sources.dataDir),
    freeMemoryBytes: os.freemem(),
    screen: sources.screen(),
  };
}
