import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { RpcHandlers } from '../contract/rpc.js';
import { DataFileError } from '../../kiosk-config/readDataFile.js';
import { packageRoot } from '../../kiosk-config/paths.js';
import { catalogueDirOf, type LoadedConfig } from '../../kiosk-config/loadTerminalConfig.js';
import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import { servicesProblems } from '../../kiosk-config/servicesProblems.js';
import { CatalogueService } from '../services/catalogue/catalogueService.js';
import { SetupAccess } from '../services/setup/setupAccess.js';
import { StatusService } from '../services/status/statusService.js';
import type { DeviceRole } from '../contract/status.js';
import { createManagedDevices } from '../devices/createManagedDevices.js';
import { DeviceManager } from '../devices/deviceManager.js';
import { terminalInfo } from '../services/terminal/terminalInfo.js';
import { HallSettingRepository } from '../store/hallSettingRepository.js';
import { openDatabase } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import type { TerminalIdentity } from '../sync/hallClient.js';
import { TerminalSync } from '../sync/terminalSync.js';
import { createDispatcher, type Dispatch } from '../transport/dispatcher.js';
import { EventHub } from '../transport/eventHub.js';
import type { PairingCode } from '../transport/screenAccess.js';
import { ServiceError } from '../contract/errors.js';
import type { Logger } from './logger.js';
import { createQueueParts } from './queueParts.js';
import { createCitizenParts } from './citizenParts.js';
import { citizenHandlers } from '../services/citizen/citizenHandlers.js';
import { AppointmentDesk } from '../services/appointments/appointmentDesk.js';
import { CatalogueItemsService } from '../services/catalogue/catalogueItemsService.js';
import { ConvenienceDesk } from '../services/convenience/convenienceDesk.js';
import { readConvenience } from '../../kiosk-config/readConvenience.js';
import { appointmentHandlers } from '../services/appointments/appointmentHandlers.js';
import { readAppointments } from '../../kiosk-config/readAppointments.js';
import type { ReceiptPrinterDevice } from '../devices/receiptPrinterDevice.js';
import { readCitizenCatalog } from '../../kiosk-config/readCitizenCatalog.js';
import { queueHandlers } from '../services/queue/queueHandlers.js';
import { synthesizeSpeech } from '../services/voice/speechSynthesizer.js';

export const migrationsDir = path.join(packageRoot, 'main', 'store', 'migrations');

export interface HostOptions {
  loaded: LoadedConfig;
  dataDir: string;
  logger: Logger;
  /** How often devices are asked how they are (default 5 s). */
  deviceHealthIntervalMs?: number;
  /** The hall's citizen services file (default kiosk-config/citizen-services.json). */
  citizenCatalogFile?: string;
  /** Who this terminal is to its hall server; null runs it offline (not enrolled). */
  hallIdentity?: TerminalIdentity | null;
  /** Lets other screens in (browser mode); without it (Electron) setup has no pairing codes to give. */
  screens?: { pairingCode(): PairingCode };
}

/** A running terminal host: what the transports (Electron IPC, HTTP bridge) sit on. */
export interface Host {
  readonly config: TerminalConfig;
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly databasePath: string;
  readonly devices: DeviceManager;
  close(): Promise<void>;
}

/**
 * The composition root. Opens the store, applies migrations, seeds the
 * catalogue, and wires services to the dispatcher. No Electron here: the
 * same host runs in Electron's main process and in plain Node.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  const { config, file: configFile } = options.loaded;
  await mkdir(options.dataDir, { recursive: true });
  const databasePath = path.join(options.dataDir, `${config.terminalId}.db`);
  const db = await openDatabase(databasePath);
  try {
    const applied = await migrate(db, await readMigrations(migrationsDir));
    if (applied.length > 0) options.logger.info({ databasePath, applied }, 'applied migrations');

    const events = new EventHub();
    const settings = new HallSettingRepository(db);
    const info = async () => terminalInfo(config, await settings.effective(config.terminalId));
    const catalogue = new CatalogueService(db, catalogueDirOf(options.loaded), async () => (await info()).enabledServices, events);
    const categories = await catalogue.seed();
    const problems = servicesProblems(config, categories.map((category) => category.id));
    if (problems.length > 0) throw new DataFileError(configFile, problems);

    const status = new StatusService(Object.keys(config.devices) as DeviceRole[], events);
    const managed = createManagedDevices(config, { onScan: (code) => events.emit('scanner.scanned', { code }) });
    const sync = new TerminalSync({
      db,
      identity: options.hallIdentity ?? null,
      logger: options.logger,
      status,
      pingIntervalMs: config.hallPingIntervalMs,
      onPulled: (scope) => {
        if (scope === 'catalogue') void catalogue.announce();
        if (scope === 'config') events.emit('terminal.changed', {});
        if (scope === 'queue') {
          events.emit('queue.changed', {});
          queue.restock();
        }
      },
    });
    const devices = new DeviceManager(managed, {
      logger: options.logger,
      onStatus: (deviceStatus) => {
        if (status.reportDevice(deviceStatus)) {
          sync.record('device.status', { ...deviceStatus }).catch((error: unknown) => options.logger.error({ err: error }, 'could not record a device status event'));
        }
      },
      ...(options.deviceHealthIntervalMs ? { healthIntervalMs: options.deviceHealthIntervalMs } : {}),
    });
    const setup = new SetupAccess({ pin: config.setup?.pin });
    const items = await CatalogueItemsService.load(catalogueDirOf(options.loaded), () => devices.device<ReceiptPrinterDevice>('receiptPrinter'));
    const citizen = createCitizenParts({ db, config, catalog: await readCitizenCatalog(options.citizenCatalogFile), devices, sync, events, logger: options.logger });
    const convenience = new ConvenienceDesk(sync.client, await readConvenience(), citizen.citizen, () => devices.device<ReceiptPrinterDevice>('receiptPrinter'));
    const queue = createQueueParts({ db, config, devices, sync, events, logger: options.logger, citizen: citizen.citizen });
    const handlers: RpcHandlers = {
      'terminal.info': info,
      'status.get': async () => status.get(),
      'catalogue.categories': () => catalogue.categories(),
      'setup.unlock': async ({ pin }) => setup.unlock(pin),
      'catalogue.reload': async ({ setupToken }) => {
        setup.require(setupToken);
        return catalogue.reload();
      },
      'devices.test': async ({ setupToken, role }) => {
        setup.require(setupToken);
        return devices.test(role);
      },
      'setup.pairingCode': async ({ setupToken }) => {
        setup.require(setupToken);
        if (!options.screens) throw new ServiceError('unavailable', 'this terminal serves no other screens');
        return options.screens.pairingCode();
      },
      ...queueHandlers(queue),
      ...citizenHandlers(citizen),
      'convenience.options': async () => convenience.config,
      'convenience.submit': ({ request }) => convenience.submit(request),
      'convenience.progress': ({ number }) => convenience.progress(number),
      'catalogue.browse': async () => items.browse(),
      'catalogue.search': async (query) => items.find(query).map(({ id, name, department }) => ({ id, name, department })),
      'catalogue.item': async ({ id }) => items.item(id),
      'catalogue.printGuide': ({ id }) => items.printGuide(id),
      ...appointmentHandlers(
        new AppointmentDesk(sync.client, await readAppointments(), citizen.citizen, () => devices.device<ReceiptPrinterDevice>('receiptPrinter'), queue.kiosk),
      ),
      'voice.synthesize': async ({ text, locale }) => ({ wav: (await synthesizeSpeech(text, locale)).toString('base64') }),
    };
    devices.start();
    await sync.start();
    queue.start();
    options.logger.info({ terminalId: config.terminalId, role: config.role, databasePath }, 'host started');
    return {
      config,
      dispatch: createDispatcher(handlers, options.logger),
      events,
      databasePath,
      devices,
      close: async () => {
        await queue.stop();
        await sync.stop();
        await devices.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
