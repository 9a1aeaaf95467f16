import type { IdCard, SamReader } from '../../../drivers/id-card/samReader.js';
import type { CitizenSummary } from '../../contract/citizen.js';
import type { CitizenIdentity } from '../../contract/citizenServices.js';
import { ServiceError } from '../../contract/errors.js';
import { ageOn, maskIdNumber, maskName, seniorAge } from '../../contract/identity.js';

interface Identified {
  identity: CitizenIdentity;
  /** Full years on the hall's date when the session began; null when the number carries no birth date. */
  age: number | null;
  card: IdCard | null;
  consented: boolean;
}

export interface CitizenSessionOptions {
  /** The connected reader, or null when none is fitted or it is unplugged. */
  reader: () => SamReader | null;
  /** The hall's date (YYYY-MM-DD), which a citizen's age is counted on. */
  today: () => Promise<string>;
  /** End the session when the card leaves the reader (config citizenSession.endOnCardRemoval). */
  endOnCardRemoval?: boolean;
  /** The session ended (finish, card removed, idle): screens go home. */
  onEnded?: (reason: SessionEndReason) => void;
  /**
   * The host's own idle rule, whatever the screen does: `timeoutMs` (read at
   * each activity, as the hall may change it) without a call of the session,
   * then `onIdleWarning` and `warningMs` more, then the session ends ('idle').
   */
  idle?: { timeoutMs: () => number; warningMs: number; onIdleWarning?: (secondsLeft: number) => void };
  now?: () => number;
  pollMs?: number;
}

export type SessionEndReason = 'finished' | 'card_removed' | 'idle';

/**
 * The citizen in front of this terminal, identified by ID card or e-ID. Who
 * they are (name, number, photo) stays in this object's memory only, until
 * the session ends and it is dropped; screens get it masked. Their records
 * are asked for only after they consent.
 */
export class CitizenSession {
  #who: Identified | null = null;
  #removalWatch: NodeJS.Timeout | undefined;
  #idleTimers: NodeJS.Timeout[] = [];
  #deadline = Infinity;
  /** Elder mode doubles the idle timeout; it lasts until the session ends. */
  #idleFactor = 1;

  constructor(private readonly options: CitizenSessionOptions) {}

  /**
   * The citizen did something (a call of the session came from the screen):
   * the idle clock starts again. A session already past its deadline is
   * ended here instead, so a late call cannot revive it.
   */
  touch(): void {
    if (!this.#who || this.#expired()) return;
    const idle = this.options.idle;
    if (!idle) return;
    this.#clearIdle();
    const timeoutMs = idle.timeoutMs() * this.#idleFactor;
    this.#deadline = this.#now() + timeoutMs + idle.warningMs;
    this.#idleTimers = [
      setTimeout(() => idle.onIdleWarning?.(Math.ceil(idle.warningMs / 1000)), timeoutMs),
      setTimeout(() => this.end('idle'), timeoutMs + idle.warningMs),
    ];
    for (const timer of this.#idleTimers) timer.unref();
  }

  /** Elder mode on (2) or off (1): the idle clock starts again at the new length. */
  setIdleFactor(factor: 1 | 2): void {
    this.#idleFactor = factor;
    this.touch();
  }

  /** Seconds until the host ends the session without another call; null when nobody is in session. */
  secondsLeft(): number | null {
    if (!this.#who || this.#expired()) return null;
    return this.#deadline === Infinity ? null : Math.max(0, Math.ceil((this.#deadline - this.#now()) / 1000));
  }

  /** Waits up to `waitMs` for a card on the reader and reads it; null when none came. */
  async readCard(waitMs: number): Promise<CitizenSummary | null> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const reader = this.options.reader();
      if (!reader) throw new ServiceError('unavailable', 'the ID-card reader is not connected');
      const card = await reader.readInsertedCard().catch((error: unknown) => {
        throw new ServiceError('unavailable', `the card could not be read: ${(error as Error).message}`);
      });
      if (card) {
        this.#start({
          identity: { idNumber: card.idNumber, name: card.name || card.englishName || '' },
          age: ageOn(card.birthDate, await this.options.today()),
          card,
          consented: false,
        });
        if (this.options.endOnCardRemoval) this.#watchRemoval();
        return this.summary();
      }
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 250));
    }
  }

  /** A citizen identified by the hall from their e-ID code. */
  async identifiedByEid(identity: CitizenIdentity): Promise<CitizenSummary> {
    const birth = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(identity.idNumber);
    const age = birth ? ageOn(`${birth[1]}-${birth[2]}-${birth[3]}`, await this.options.today()) : null;
    this.#start({ identity, age, card: null, consented: false });
    return this.summary()!;
  }

  consent(): CitizenSummary {
    if (!this.#who || this.#expired())
      throw new ServiceError('forbidden', 'nobody is identified: read an ID card or scan an e-ID first', undefined, 'not_identified');
    this.#who.consented = true;
    return this.summary()!;
  }

  /** Who the services may ask the hall about: only an identified citizen who consented. */
  consentedIdentity(): CitizenIdentity {
    if (!this.#who || this.#expired())
      throw new ServiceError('forbidden', 'nobody is identified: read an ID card or scan an e-ID first', undefined, 'not_identified');
    if (!this.#who.consented)
      throw new ServiceError('forbidden', 'the citizen has not agreed to the lookup yet', undefined, 'consent_required');
    return this.#who.identity;
  }

  /**
   * Who the card on a counter's reader belongs to: a citizen hands their card
   * to the clerk to be served, which is their consent to be looked up there.
   */
  identityAtCounter(): CitizenIdentity {
    if (!this.#who || this.#expired())
      throw new ServiceError('forbidden', 'no card has been read at this counter', undefined, 'not_identified');
    return this.#who.identity;
  }

  summary(): CitizenSummary | null {
    if (this.#expired()) return null;
    const who = this.#who;
    if (!who) return null;
    const { age } = who;
    return {
      maskedName: maskName(who.identity.name),
      maskedIdNumber: maskIdNumber(who.identity.idNumber),
      cardType: who.card?.type ?? null,
      age,
      senior: age !== null && age >= seniorAge,
      idNumberSuspect: who.card?.idNumberValid === false,
      source: who.card ? 'card' : 'eid',
      consented: who.consented,
    };
  }

  end(reason: SessionEndReason = 'finished'): void {
    clearInterval(this.#removalWatch);
    this.#clearIdle();
    this.#idleFactor = 1;
    const hadSomeone = this.#who !== null;
    this.#who = null;
    if (hadSomeone) this.options.onEnded?.(reason);
  }

  #start(who: Identified): void {
    clearInterval(this.#removalWatch);
    this.#who = who;
    this.touch();
  }

  #now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Past its deadline (a timer may run late): ended now, before anyone reads it. */
  #expired(): boolean {
    if (this.#who && this.#now() >= this.#deadline) this.end('idle');
    return this.#who === null;
  }

  #clearIdle(): void {
    for (const timer of this.#idleTimers) clearTimeout(timer);
    this.#idleTimers = [];
    this.#deadline = Infinity;
  }

  #watchRemoval(): void {
    let checking = false;
    this.#removalWatch = setInterval(() => {
      const reader = this.options.reader();
      if (checking || !reader) return;
      checking = true;
      reader
        .findCard()
        .then((present) => !present && this.end('card_removed'))
        .catch(() => undefined)
        .finally(() => (checking = false));
    }, this.options.pollMs ?? 1000);
  }
}
