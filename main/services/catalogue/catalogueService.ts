import type { CatalogueCategory } from '../../contract/catalogue.js';
import { ServiceError } from '../../contract/errors.js';
import { readCatalogueCategories } from '../../../kiosk-config/catalogueData.js';
import { DataFileError } from '../../../kiosk-config/readDataFile.js';
import type { Database } from '../../../lib/sqlite/database.js';
import { CatalogueCategoryRepository } from './catalogueCategoryRepository.js';
import { SyncCursorRepository } from '../../store/syncCursorRepository.js';
import type { EventHub } from '../../transport/eventHub.js';

/**
 * The hall's service catalogue as this terminal offers it. The data files are
 * the source; the store holds the copy the screens read, replaced whole in one
 * transaction so a screen never sees half a catalogue.
 */
export class CatalogueService {
  readonly #repository: CatalogueCategoryRepository;

  constructor(
    private readonly db: Database,
    private readonly catalogueDir: string,
    /** The services this terminal offers now (config, or what the hall server set). */
    private readonly enabledServices: () => Promise<readonly string[]>,
    private readonly events: EventHub,
  ) {
    this.#repository = new CatalogueCategoryRepository(db);
  }

  /**
   * Loads the data files into the store; returns what it loaded. Once the hall
   * server has published a catalogue, the hall owns it: the files are read
   * (and checked) but the stored catalogue is the hall's.
   */
  async seed(): Promise<CatalogueCategory[]> {
    const categories = await readCatalogueCategories(this.catalogueDir);
    if (await this.#hallOwned()) return this.#repository.list();
    await this.db.transaction((tx) => new CatalogueCategoryRepository(tx).replaceAll(categories));
    return categories;
  }

  /** Tells every screen to re-read, after the hall's changes were pulled. */
  async announce(): Promise<void> {
    this.events.emit('catalogue.changed', { categories: (await this.#repository.list()).length });
  }

  async #hallOwned(): Promise<boolean> {
    return (await new SyncCursorRepository(this.db).get('catalogue')) > 0;
  }

  /** Like seed, and tells every screen to re-read. A bad data file leaves the stored catalogue as it was. */
  async reload(): Promise<{ categories: number }> {
    if (await this.#hallOwned()) {
      throw new ServiceError(
        'forbidden',
        "this terminal's catalogue comes from the hall server: publish changes there (onewindow hall catalogue publish)",
      );
    }
    let categories: number;
    try {
      categories = (await this.seed()).length;
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      const issues = error.problems.map((problem) => ({ path: error.file, message: problem }));
      throw new ServiceError('bad_data', `the catalogue was not reloaded: ${error.message}`, issues);
    }
    this.events.emit('catalogue.changed', { categories });
    return { categories };
  }

  /** The categories this terminal offers, in catalogue order. */
  async categories(): Promise<CatalogueCategory[]> {
    const [all, enabled] = await Promise.all([this.#repository.list(), this.enabledServices()]);
    return all.filter((category) => enabled.includes(category.id));
  }
}
