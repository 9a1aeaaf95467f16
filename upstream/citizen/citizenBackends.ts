import type { BackendAnswer, CitizenCatalog } from '../../main/contract/citizenCatalog.js';
import type { BackendId, CertificateType, CitizenIdentity, LookupId } from '../../main/contract/citizenServices.js';

export type BackendQuestion = { kind: 'lookup'; lookup: LookupId; year: number | null } | { kind: 'certificate'; type: CertificateType };

/**
 * The government back ends behind the hall, one adapter per system. An
 * adapter answers in catalogue field keys; the hall adds the labels.
 */
export interface CitizenBackends {
  answer(backend: BackendId, question: BackendQuestion, citizen: CitizenIdentity, signal: AbortSignal): Promise<BackendAnswer>;
  /** Who an e-ID code from a citizen's phone belongs to; null for an unknown or expired code. */
  identifyEid(token: string, signal: AbortSignal): Promise<CitizenIdentity | null>;
}

/** A back end that did not answer in time or failed: the citizen is told which system, and where to go instead. */
export class BackendUnavailable extends Error {
  constructor(
    readonly backend: BackendId,
    readonly reason: 'backend_timeout' | 'backend_failed',
    message: string,
  ) {
    super(message);
    this.name = 'BackendUnavailable';
  }
}

/** Asks a back end with the catalogue's timeout for it; a late or failed answer becomes BackendUnavailable. */
export async function askBackend(
  backends: CitizenBackends,
  catalog: CitizenCatalog,
  backend: BackendId,
  question: BackendQuestion,
  citizen: CitizenIdentity,
): Promise<BackendAnswer> {
  const { timeoutMs, name } = catalog.backends[backend]!;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new BackendUnavailable(backend, 'backend_timeout', `${name.en} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([backends.answer(backend, question, citizen, controller.signal), late]);
  } catch (error) {
    if (error instanceof BackendUnavailable) throw error;
    throw new BackendUnavailable(backend, 'backend_failed', `${name.en} failed: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
