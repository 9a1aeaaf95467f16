import type { Queryable } from '../../../../lib/sqlite/database.js';
import type { DeviceReport } from '../../../contract/deviceReport.js';
import type { DeviceStatus } from '../../../contract/status.js';

/** The terminal's own record of device state changes, newest last; the device report shows the last few. */
export class DeviceEventLog {
  constructor(private readonly db: Queryable) {}

  async append(status: DeviceStatus, at: Date = new Date()): Promise<void> {
    await this.db.run('INSERT INTO device_event (at, role, state, detail) VALUES (?, ?, ?, ?)', [
      at.toISOString(),
      status.role,
      status.state,
      status.detail,
    ]);
  }

  async last(count: number): Promise<DeviceReport['events']> {
    const rows = await this.db.all<DeviceReport['events'][number]>(
      'SELECT at, role, state, detail FROM device_event ORDER BY seq DESC LIMIT ?',
      [count],
    );
    return rows.reverse();
  }
}
