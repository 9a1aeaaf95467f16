import { resultReceiptJob } from '../receipts/resultReceipt.js';
import type { CitizenCatalog } from '../../contract/citizenCatalog.js';
import type { LookupId, LookupResult } from '../../contract/citizenServices.js';
import { ServiceError } from '../../contract/errors.js';
import { printReceipt, type ReceiptPrinting } from '../receipts/receiptPrinting.js';
import type { HallClient } from '../../sync/hallClient.js';
import type { CitizenSession } from '../citizen/citizenSession.js';
import { fromHall } from '../hallAnswer.js';
import { backendHelp } from '../citizen/backendHelp.js';

/**
 * The social-security and citizen-card lookups of the citizen in session.
 * A result lives in memory only, for printing on the receipt printer, and
 * is dropped with the session.
 */
export class LookupDesk {
  #last: LookupResult | null = null;

  constructor(
    private readonly client: HallClient | null,
    private readonly catalog: () => CitizenCatalog,
    private readonly citizen: CitizenSession,
    private readonly receipts: ReceiptPrinting,
  ) {}

  async run(lookup: LookupId, year: number | null): Promise<LookupResult> {
    const identity = this.citizen.consentedIdentity();
    if (!this.client) throw new ServiceError('unavailable', 'this kiosk is not enrolled with a hall server');
    this.#last = null;
    const catalog = this.catalog();
    const definition = catalog.lookups.find((candidate) => candidate.id === lookup);
    if (!definition) throw new ServiceError('unavailable', `the hall does not offer the lookup "${lookup}"`);
    this.#last = await this.client.lookup({ lookup, citizen: identity, year }).catch((error: unknown) => {
      throw fromHall(error, backendHelp(catalog, definition.backend));
    });
    return this.#last;
  }

  /** Prints the last result on the receipt printer. */
  async printLast(): Promise<{ printed: boolean; problem: string | null }> {
    const result = this.#last;
    const summary = this.citizen.summary();
    if (!result || !summary?.consented) throw new ServiceError('not_found', 'there is no result to print in this session');
    const definition = this.catalog().lookups.find((lookup) => lookup.id === result.lookup)!;
    const problem = await printReceipt(this.receipts, (model) =>
      resultReceiptJob(
        {
          title: definition.name,
          holder: `${summary.maskedName} ${summary.maskedIdNumber}`,
          facts: result.facts.map((fact) => ({ label: fact.label['zh-CN'], value: fact.value })),
          table: result.table && { columns: result.table.columns.map((column) => column['zh-CN']), rows: result.table.rows },
          printedAt: new Date(),
        },
        model,
      ),
    );
    return { printed: problem === null, problem };
  }

  forget(): void {
    this.#last = null;
  }
}
