import type { Database } from '../../../lib/sqlite/database.js';
import type { CitizenCatalog } from '../../contract/citizenCatalog.js';
import type { CertificatePrint, CertificateType } from '../../contract/citizenServices.js';
import { ServiceError } from '../../contract/errors.js';
import type { DocumentPrinterDevice } from '../../devices/documentPrinterDevice.js';
import type { Logger } from '../../../lib/logger.js';
import { AuditLog } from '../../store/auditLog.js';
import { appendEvent } from '../../store/outboxRepository.js';
import type { HallClient } from '../../sync/hallClient.js';
import type { CitizenSession } from '../citizen/citizenSession.js';
import { fromHall } from '../hallAnswer.js';
import { backendHelp } from '../citizen/backendHelp.js';
import { hallDate } from '../queue/hallDate.js';
import { certificatePdf, type CertificateLayout } from './certificatePdf.js';
import { conditionOf } from '../../../drivers/cups/cupsOutput.js';

export type CertificateStage = 'issuing' | 'rendering' | 'printing' | 'done' | 'held' | 'failed';

export interface CertificateDeskOptions {
  db: Database;
  client: HallClient | null;
  catalog: () => CitizenCatalog;
  citizen: CitizenSession;
  printer: () => DocumentPrinterDevice | null;
  logger: Logger;
  onProgress: (stage: CertificateStage) => void;
  /** After audit events went into the outbox. */
  onRecorded: () => Promise<void>;
  printTimeoutMs?: number;
}

/**
 * Prints a certificate for the citizen in session: the hall issues and signs
 * it, the terminal lays it out as a PDF in memory and sends it to the A4
 * printer, and the outcome goes to the hash-chained audit log (no personal
 * data in it: the code, the type, the job and how it ended).
 */
export class CertificateDesk {
  constructor(private readonly options: CertificateDeskOptions) {}

  async print(type: CertificateType, layout: Omit<CertificateLayout, 'issuedOn'> = {}): Promise<CertificatePrint> {
    const { client, citizen, onProgress } = this.options;
    const identity = citizen.consentedIdentity();
    if (!client) throw new ServiceError('unavailable', 'this kiosk is not enrolled with a hall server');
    const printer = this.options.printer();
    if (!printer) throw new ServiceError('unavailable', 'no document printer is fitted to this terminal', undefined, 'no_printer');
    const catalog = this.options.catalog();
    const template = catalog.certificates.find((certificate) => certificate.type === type);
    if (!template) throw new ServiceError('unavailable', `the hall does not offer the certificate "${type}"`);

    onProgress('issuing');
    const issued = await client.issueCertificate({ type, citizen: identity }).catch((error: unknown) => {
      onProgress('failed');
      throw fromHall(error, backendHelp(catalog, template.backend));
    });
    onProgress('rendering');
    const issuedOn = await hallDate(this.options.db, new Date(issued.content.issuedAt));
    const pdf = await certificatePdf(issued, template, { ...layout, issuedOn });
    onProgress('printing');
    const printed = {
      code: issued.content.code,
      verifyUrl: issued.content.verifyUrl,
      helpWindow: catalog.backends[template.backend]!.helpWindow,
    };
    let result: CertificatePrint;
    try {
      const outcome = await printer.print(pdf, `${template.title['zh-CN']} ${issued.content.code}`, this.options.printTimeoutMs ?? 60_000);
      if (outcome.state === 'completed') result = { ...printed, outcome: 'printed', jobId: outcome.jobId, problem: null };
      else {
        const condition = conditionOf(outcome.queue);
        result = { ...printed, outcome: 'held', jobId: outcome.jobId, problem: condition === 'ready' ? 'offline' : condition };
      }
    } catch (error) {
      this.options.logger.warn({ err: error, code: issued.content.code }, 'the certificate could not be sent to the printer');
      result = { ...printed, outcome: 'failed', jobId: null, problem: 'not_sent' };
    }
    await this.options.db.transaction(async (tx) => {
      const entry = await new AuditLog(tx).append('certificate.printed', {
        code: result.code,
        type,
        outcome: result.outcome,
        jobId: result.jobId,
        problem: result.problem,
      });
      await appendEvent(tx, 'audit.appended', { ...entry, kind: 'certificate.printed', code: result.code });
    });
    await this.options.onRecorded();
    onProgress(result.outcome === 'printed' ? 'done' : result.outcome === 'held' ? 'held' : 'failed');
    return result;
  }
}
