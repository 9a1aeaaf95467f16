import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../lib/logger.js';
import { openDatabase } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import type { LoadedConfig } from '../../kiosk-config/loadTerminalConfig.js';
import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import type { DeviceRole } from '../contract/status.js';
import { createManagedDevices } from '../devices/createManagedDevices.js';
import { DeviceManager } from '../devices/deviceManager.js';
import type { ReceiptPrinterDevice } from '../devices/receiptPrinterDevice.js';
import { AppointmentDesk } from '../services/appointments/appointmentDesk.js';
import { appointmentHandlers } from '../services/appointments/appointmentHandlers.js';
import { createCatalogueSlice } from '../services/catalogue/catalogueSlice.js';
import { createCitizenSlice } from '../services/citizen/citizenSlice.js';
import { withSessionActivity } from '../services/citizen/sessionActivity.js';
import { ConvenienceDesk } from '../services/convenience/convenienceDesk.js';
import { convenienceHandlers } from '../services/convenience/convenienceHandlers.js';
import type { HostParts } from '../services/hostParts.js';
import { createQueueSlice } from '../services/queue/queueSlice.js';
import { createHelpSlice } from '../services/help/helpSlice.js';
import { hallDate } from '../services/queue/hallDate.js';
import { SetupAccess } from '../services/setup/setupAccess.js';
import { setupHandlers } from '../services/setup/setupHandlers.js';
import { statusHandlers } from '../services/status/statusHandlers.js';
import { StatusService } from '../services/status/statusService.js';
import { availabilityHandlers } from '../services/status/availabilityHandlers.js';
import { createTerminalSlice } from '../services/terminal/terminalSlice.js';
import { createHallServicesSlice } from '../services/hallServices/hallServicesSlice.js';
import { createHealthSlice } from '../services/health/healthSlice.js';
import { SpokenLog } from '../services/voice/spokenLog.js';
import { voiceHandlers } from '../services/voice/voiceHandlers.js';
import type { TerminalIdentity } from '../sync/hallClient.js';
import { TerminalSync } from '../sync/terminalSync.js';
import { createDispatcher, type Dispatch } from '../transport/dispatcher.js';
import { EventHub } from '../transport/eventHub.js';
import { removeLeftovers, spoolDirOf } from './spoolDir.js';
import { openRunLedger, runLedgerFileOf } from './runLedger.js';
import type { PairingCode } from '../transport/screenAccess.js';
import { configuredWizardHandlers } from '../services/setup/wizard/wizardHandlers.js';
import { DeviceEventLog } from '../services/setup/deviceReport/deviceEventLog.js';
import { deviceReportHandlers } from '../services/setup/deviceReport/deviceReportHandlers.js';
import { recentLogLines } from '../../lib/recentLines.js';
import { startRemoteCare } from '../services/remoteCare/remoteCare.js';
import type { ScreenControl } from '../services/remoteCare/screenControl.js';
import { createUpkeepSlice } from '../services/upkeep/upkeepSlice.js';
import { migrationsDir } from '../store/migrationsDir.js';

export interface HostOptions {
  loaded: LoadedConfig;
  dataDir: string;
  logger: Logger;
  /** How often devices are asked how they are (default 5 s). */
  deviceHealthIntervalMs?: number;
  /** Who this terminal is to its hall server; null runs it offline (not enrolled). */
  hallIdentity?: TerminalIdentity | null;
  /** Lets other screens in (browser mode); without it (Electron) setup has no pairing codes to give. */
  screens?: { pairingCode(): PairingCode };
  /** Remote care: the screen as whoever runs the host reaches it, and how the host is restarted. */
  care?: { screen?: ScreenControl | null; restart?: () => void; logLines?: (count: number) => Promise<string[]> };
}

/** A running terminal host: what the transports (Electron IPC, HTTP bridge) sit on. */
export interface Host {
  readonly config: TerminalConfig;
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly databasePath: string;
  readonly devices: DeviceManager;
  /** What the screens asked the host to say, in order (the kiosk's voice guidance, the display's calls). */
  readonly spoken: SpokenLog;
  close(): Promise<void>;
}

/**
 * The composition root. Opens the store, applies migrations, seeds the
 * catalogue, and wires services to the dispatcher. No Electron here: the
 * same host runs in Electron's main process and in plain Node.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  const { config } = options.loaded;
  await mkdir(options.dataDir, { recursive: true });
  const databasePath = path.join(options.dataDir, `${config.terminalId}.db`);
  const db = await openDatabase(databasePath);
  try {
    const applied = await migrate(db, await readMigrations(migrationsDir));
    if (applied.length > 0) options.logger.info({ databasePath, applied }, 'applied migrations');

    const events = new EventHub();
    const status = new StatusService(Object.keys(config.devices) as DeviceRole[], events);
    const documentSpoolDir = spoolDirOf(options.dataDir, config.terminalId);
    const leftovers = await removeLeftovers(documentSpoolDir);
    if (leftovers > 0) options.logger.warn({ spool: documentSpoolDir, files: leftovers }, 'removed print jobs an earlier run left behind');
    const ledger = await openRunLedger(runLedgerFileOf(options.dataDir, config.terminalId), options.logger);
    const managed = createManagedDevices(config, {
      onScan: (code) => events.emit('scanner.scanned', { code }),
      documentSpoolDir,
      simulators: { logger: options.logger, ledger },
    });
    const sync = new TerminalSync({
      db,
      identity: options.hallIdentity ?? null,
      logger: options.logger,
      status,
      pingIntervalMs: config.hallPingIntervalMs,
      requestTimeoutMs: config.hallRequestTimeoutMs,
    });
    const devices = new DeviceManager(managed, {
      logger: options.logger,
      onStatus: (deviceStatus) => {
        if (status.reportDevice(deviceStatus)) {
          new DeviceEventLog(db)
            .append(deviceStatus)
            .catch((error: unknown) => options.logger.error({ err: error }, 'could not log a device event'));
          sync
            .record('device.status', { ...deviceStatus })
            .catch((error: unknown) => options.logger.error({ err: error }, 'could not record a device status event'));
        }
      },
      ...(options.deviceHealthIntervalMs ? { healthIntervalMs: options.deviceHealthIntervalMs } : {}),
    });
    const receipts = {
      printer: () => devices.device<ReceiptPrinterDevice>('receiptPrinter'),
      onFailed: () => devices.recheck('receiptPrinter'),
      logger: options.logger,
    };
    const parts: HostParts = { db, config, devices, sync, events, logger: options.logger, receipts };

    const setup = new SetupAccess({
      db,
      terminalId: config.terminalId,
      pin: config.setup?.pin,
      onLockedOut: () => void sync.recorded().catch(() => undefined),
    });
    const terminal = await createTerminalSlice(parts);
    const catalogue = await createCatalogueSlice(parts, options.loaded, async () => (await terminal.info()).enabledServices, setup);
    const hallServices = await createHallServicesSlice(parts);
    const citizen = createCitizenSlice(
      parts,
      () => hallServices.services.catalog(),
      () => terminal.current().idleTimeoutSeconds,
    );
    const queue = createQueueSlice(parts, citizen.citizen);
    const health = await createHealthSlice(parts, options.dataDir, () => status.get());
    const appointments = new AppointmentDesk(
      sync.client,
      () => hallServices.services.appointments(),
      citizen.citizen,
      receipts,
      queue.kiosk,
      () => hallDate(db),
    );
    const help = createHelpSlice(parts);
    const upkeep = createUpkeepSlice(parts, citizen.citizen, options.care?.restart ?? null);
    const convenience = new ConvenienceDesk(sync.client, () => hallServices.services.convenience(), citizen.citizen, receipts);
    const spoken = new SpokenLog();
    const dispatch = createDispatcher(
      withSessionActivity(
        {
          ...terminal.handlers,
          ...statusHandlers(status),
          ...availabilityHandlers(status, async () => ({
            enabledServices: (await terminal.info()).enabledServices,
            staffedWindow: (await terminal.overrides()).staffedWindow ?? null,
          })),
          ...setupHandlers(setup, devices, options.screens ?? null),
          ...catalogue.handlers,
          ...citizen.handlers,
          ...queue.handlers,
          ...appointmentHandlers(appointments),
          ...convenienceHandlers(convenience),
          ...voiceHandlers(spoken),
          ...health.handlers,
          ...help.handlers,
          ...configuredWizardHandlers(),
          ...deviceReportHandlers(setup, db, config, status, receipts),
        },
        citizen.citizen,
      ),
      options.logger,
    );
    devices.start();
    await sync.start({
      catalogue: catalogue.scope,
      config: terminal.scope,
      queue: queue.scope,
      help: help.scope,
      hallServices: hallServices.scope,
    });
    queue.start();
    health.start();
    upkeep.start();
    if (sync.client) {
      const { screen = null, restart = null, logLines = (count: number) => recentLogLines.last(count) } = options.care ?? {};
      startRemoteCare({ sync, devices, logger: options.logger, logLines, screen, restart });
    }
    options.logger.info({ terminalId: config.terminalId, role: config.role, databasePath }, 'host started');
    return {
      config,
      dispatch,
      events,
      databasePath,
      devices,
      spoken,
      close: async () => {
        // A session's idle timers must not fire into a closed database.
        citizen.citizen.end();
        await queue.stop();
        await health.stop();
        await upkeep.stop();
        await sync.stop();
        await devices.stop();
        await db.close();
        ledger.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
