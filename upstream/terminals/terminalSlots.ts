import type { Database, Queryable } from '../../lib/sqlite/database.js';
import type { HallConfigOverrides } from '../../main/contract/terminal.js';
import {
  terminalSlotSettingsSchema,
  type TerminalSlotRequest,
  type TerminalSlotSettings,
  type TerminalSlotView,
} from '../../main/contract/terminalSlot.js';
import type { ChangeLog } from '../sync/changeLog.js';
import type { TerminalRegistry } from '../identity/terminalRegistry.js';

/** A value the hall refuses before anything is published: the field and why. */
export class SlotRefusal extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'SlotRefusal';
  }
}

interface SlotRow {
  terminal_id: string;
  role: TerminalSlotView['role'];
  window_number: number | null;
  settings: string;
  published_version: number;
  applied_version: number | null;
  applied_at: string | null;
  enrolled: number;
}

/**
 * The hall's terminal slots. Creating one issues its enrollment code; each
 * change of its settings is a new version, published to the terminal in the
 * `config` scope in the same transaction; the terminal reports what it applied.
 */
export class TerminalSlots {
  constructor(
    private readonly db: Database,
    private readonly changes: ChangeLog,
    private readonly registry: TerminalRegistry,
    /** The service ids a terminal may be given: the hall's published catalogue, else the default one. */
    private readonly knownServices: (within: Queryable) => Promise<readonly string[]>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates (or re-creates with new settings) a slot and returns its one-time enrollment code; a replacement box goes through SlotReplacement. */
  async create(slot: TerminalSlotRequest): Promise<string> {
    await this.db.transaction(async (tx) => {
      await this.#check(tx, slot.settings);
      const existing = await tx.get<{ published_version: number }>('SELECT published_version FROM terminal_slot WHERE terminal_id = ?', [
        slot.terminalId,
      ]);
      const version = (existing?.published_version ?? 0) + 1;
      await tx.run(
        `INSERT INTO terminal_slot (terminal_id, role, window_number, settings, published_version, published_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (terminal_id) DO UPDATE SET role = excluded.role, window_number = excluded.window_number, settings = excluded.settings,
           published_version = excluded.published_version, published_at = excluded.published_at`,
        [slot.terminalId, slot.role, slot.window, JSON.stringify(slot.settings), version, this.now().toISOString()],
      );
      await this.changes.recordIn(tx, 'config', slot.terminalId, published(slot.settings, version));
    });
    return this.registry.issueCode(
      slot.terminalId,
      slot.role === 'counter' ? { role: 'counter', window: slot.window! } : { role: slot.role },
    );
  }

  /** Changes a slot's settings (only the fields given); returns the new version. */
  async update(terminalId: string, change: Partial<TerminalSlotSettings>): Promise<number> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ settings: string; published_version: number }>(
        'SELECT settings, published_version FROM terminal_slot WHERE terminal_id = ?',
        [terminalId],
      );
      if (!row) throw new SlotRefusal('terminalId', `no terminal slot "${terminalId}": create it first`);
      const settings = { ...terminalSlotSettingsSchema.parse(JSON.parse(row.settings)), ...change };
      await this.#check(tx, settings);
      const version = row.published_version + 1;
      await tx.run('UPDATE terminal_slot SET settings = ?, published_version = ?, published_at = ? WHERE terminal_id = ?', [
        JSON.stringify(settings),
        version,
        this.now().toISOString(),
        terminalId,
      ]);
      await this.changes.recordIn(tx, 'config', terminalId, published(settings, version));
      return version;
    });
  }

  /** Records the version a terminal reports applied (an older report never moves it back). */
  async applied(tx: Queryable, terminalId: string, version: number, at: string): Promise<void> {
    await tx.run(
      `UPDATE terminal_slot SET applied_version = ?, applied_at = ?
       WHERE terminal_id = ? AND published_version >= ? AND (applied_version IS NULL OR applied_version < ?)`,
      [version, at, terminalId, version, version],
    );
  }

  /** The service ids a slot may be given now. */
  services(): Promise<readonly string[]> {
    return this.knownServices(this.db);
  }

  async list(): Promise<TerminalSlotView[]> {
    const rows = await this.db.all<SlotRow>(
      `SELECT s.terminal_id, s.role, s.window_number, s.settings, s.published_version, s.applied_version, s.applied_at,
         CASE WHEN t.id IS NOT NULL AND t.revoked_at IS NULL THEN 1 ELSE 0 END AS enrolled
       FROM terminal_slot s LEFT JOIN terminal t ON t.id = s.terminal_id ORDER BY s.terminal_id`,
    );
    return rows.map((row) => ({
      terminalId: row.terminal_id,
      role: row.role,
      window: row.window_number,
      settings: terminalSlotSettingsSchema.parse(JSON.parse(row.settings)),
      publishedVersion: row.published_version,
      appliedVersion: row.applied_version,
      appliedAt: row.applied_at,
      enrolled: Number(row.enrolled) === 1,
    }));
  }

  /** Inside the caller's transaction: on SQLite any other statement would wait for it to end. */
  async #check(tx: Queryable, settings: TerminalSlotSettings): Promise<void> {
    const known = await this.knownServices(tx);
    const index = settings.services.findIndex((id) => !known.includes(id));
    if (index >= 0)
      throw new SlotRefusal(
        `settings.services[${index}]`,
        `"${settings.services[index]}" is not a service of the hall (known: ${known.join(', ')})`,
      );
  }
}

/** The config item a slot publishes: the settings the terminal applies live, with their version. */
function published(settings: TerminalSlotSettings, version: number): HallConfigOverrides {
  return { ...settings, configVersion: version };
}
