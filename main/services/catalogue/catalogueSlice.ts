import { catalogueDirOf, type LoadedConfig } from '../../../kiosk-config/loadTerminalConfig.js';
import { DataFileError } from '../../../kiosk-config/readDataFile.js';
import { servicesProblems } from '../../../kiosk-config/servicesProblems.js';
import type { RpcHandlers } from '../../contract/rpc.js';
import type { SyncedScope } from '../../sync/terminalSync.js';
import type { HostParts } from '../hostParts.js';
import type { SetupAccess } from '../setup/setupAccess.js';
import { catalogueApplier } from './catalogueApplier.js';
import { CatalogueItemsService } from './catalogueItemsService.js';
import { CatalogueService } from './catalogueService.js';

type CatalogueMethods =
  'catalogue.categories' | 'catalogue.reload' | 'catalogue.browse' | 'catalogue.search' | 'catalogue.item' | 'catalogue.printGuide';

/**
 * The kiosk's home categories (seeded from the terminal's catalogue folder
 * until the hall publishes its own, scope `catalogue`) and the government
 * service items searched and browsed under them. A config that offers a
 * category the catalogue lacks is refused at start.
 */
export async function createCatalogueSlice(
  { db, events, receipts }: Pick<HostParts, 'db' | 'events' | 'receipts'>,
  loaded: LoadedConfig,
  enabledServices: () => Promise<string[]>,
  setup: SetupAccess,
): Promise<{ handlers: Pick<RpcHandlers, CatalogueMethods>; scope: SyncedScope }> {
  const catalogue = new CatalogueService(db, catalogueDirOf(loaded), enabledServices, events);
  const categories = await catalogue.seed();
  const problems = servicesProblems(
    loaded.config,
    categories.map((category) => category.id),
  );
  if (problems.length > 0) throw new DataFileError(loaded.file, problems);
  const items = await CatalogueItemsService.load(catalogueDirOf(loaded), receipts);
  return {
    handlers: {
      'catalogue.categories': () => catalogue.categories(),
      'catalogue.reload': async ({ setupToken }) => {
        setup.require(setupToken);
        return catalogue.reload();
      },
      'catalogue.browse': async () => items.browse(),
      'catalogue.search': async (query) => items.find(query).map(({ id, name, department }) => ({ id, name, department })),
      'catalogue.item': async ({ id }) => items.item(id),
      'catalogue.printGuide': ({ id }) => items.printGuide(id),
    },
    scope: { apply: catalogueApplier, onPulled: () => void catalogue.announce() },
  };
}
