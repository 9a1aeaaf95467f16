import type { Logger } from '../../lib/logger.js';
import type { Database } from '../../lib/sqlite/database.js';
import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import type { DeviceManager } from '../devices/deviceManager.js';
import type { TerminalSync } from '../sync/terminalSync.js';
import type { ReceiptPrinting } from './receipts/receiptPrinting.js';
import type { EventHub } from '../transport/eventHub.js';

/** What every capability's slice is built from: the host's shared parts, made once by createHost. */
export interface HostParts {
  db: Database;
  config: TerminalConfig;
  devices: DeviceManager;
  sync: TerminalSync;
  events: EventHub;
  logger: Logger;
  /** The receipt printer under the one receipt policy. */
  receipts: ReceiptPrinting;
}
