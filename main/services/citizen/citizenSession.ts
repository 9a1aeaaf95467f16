import type { IdCard, SamReader } from '../../../drivers/id-card/samReader.js';
import type { CitizenSummary } from '../../contract/citizen.js';
import { ServiceError } from '../../contract/errors.js';
import { ageOn, maskIdNumber, maskName, seniorAge } from '../../contract/identity.js';

/**
 * The citizen in front of this terminal, identified by the ID card. The card
 * (name, number, photo) stays in this object's memory only, until the
 * session ends (finish, idle timeout) and it is dropped.
 */
export class CitizenSession {
  #card: IdCard | null = null;

  constructor(
    /** The connected reader, or null when none is fitted or it is unplugged. */
    private readonly reader: () => SamReader | null,
    private readonly today: () => string,
    private readonly pollMs = 250,
  ) {}

  /** Waits up to `waitMs` for a card on the reader and reads it; null when none came. */
  async readCard(waitMs: number): Promise<CitizenSummary | null> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const reader = this.reader();
      if (!reader) throw new ServiceError('unavailable', 'the ID-card reader is not connected');
      const card = await reader.readInsertedCard().catch((error: unknown) => {
        throw new ServiceError('unavailable', `the card could not be read: ${(error as Error).message}`);
      });
      if (card) {
        this.#card = card;
        return this.summary();
      }
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  summary(): CitizenSummary | null {
    const card = this.#card;
    if (!card) return null;
    const age = ageOn(card.birthDate, this.today());
    return {
      maskedName: maskName(card.name || card.englishName || ''),
      maskedIdNumber: maskIdNumber(card.idNumber),
      cardType: card.type,
      age,
      senior: age !== null && age >= seniorAge,
      idNumberSuspect: card.idNumberValid === false,
    };
  }

  end(): void {
    this.#card = null;
  }
}
