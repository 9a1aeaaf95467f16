import type { Logger } from 'pino';
import { signingHeaders, signRequest } from '../../lib/requestSigning.js';
import type { Database } from '../../lib/sqlite/database.js';
import { businessDay } from '../../main/contract/businessDay.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { centrePaths, centreReportAnswerSchema, type CentreReport, type HallHealth } from '../centre/centreProtocol.js';
import { terminalsOverview } from '../health/terminalOverview.js';
import type { SecretBox } from '../identity/secretBox.js';
import { liveFigures } from '../statistics/liveFigures.js';
import { CentreOutbox, recentDays } from './centreOutbox.js';
import { markBackfilled, readCentreLink, type CentreLink } from './centreLink.js';
import { hourFigures } from './hourFigures.js';

/** Hours per report: a hall back after a week away sends its backlog in a few dozen requests. */
const batchSize = 500;

const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export interface CentreUplinkParts {
  db: Database;
  queue: HallQueue;
  secrets: SecretBox;
  logger: Logger;
  now: () => Date;
  /** How often the hall reports (default 30 s). */
  everyMs?: number;
}

/**
 * The hall's side of its district centre: each round it puts the hours whose
 * figures changed into its outbox, then sends the outbox in order with its
 * figures now and its terminals' health, signed with the hall's secret. A
 * centre out of reach only makes the outbox longer; nothing is lost. The link
 * is read each round, so `hall link-centre` takes effect without a restart.
 */
export class CentreUplink {
  readonly outbox: CentreOutbox;
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<unknown> = Promise.resolve();
  #failing = false;

  constructor(private readonly parts: CentreUplinkParts) {
    this.outbox = new CentreOutbox(parts.db);
  }

  start(): void {
    const tick = () => {
      this.#round = this.round()
        .catch((error: unknown) => this.parts.logger.warn({ err: error }, 'centre report round failed'))
        .finally(() => {
          if (this.#timer) this.#timer = setTimeout(tick, this.parts.everyMs ?? 30_000);
        });
    };
    this.#timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#round;
  }

  /** One round: the changed hours into the outbox, then the outbox to the centre. True when the centre holds everything. */
  async round(): Promise<boolean> {
    const link = await readCentreLink(this.parts.db, this.parts.secrets);
    if (!link) return false;
    await this.rollUp(link);
    return this.send(link);
  }

  private async rollUp(link: CentreLink): Promise<void> {
    const { db, queue } = this.parts;
    const now = this.parts.now();
    const today = businessDay(now, queue.resetHour, queue.timeZone);
    const earliest = await db.get<{ day: string | null }>('SELECT MIN(business_day) AS day FROM queue_ticket');
    const from = link.backfilled ? daysBefore(today, recentDays) : (earliest?.day ?? today);
    await this.outbox.putChanged(await hourFigures(db, queue, from < today ? from : today, today), link.linkedAt, now);
    if (!link.backfilled) await markBackfilled(db, now);
  }

  private async send(link: CentreLink): Promise<boolean> {
    const { live, health } = await this.figuresNow();
    for (;;) {
      // Linked again meanwhile: what the outbox holds now is the new centre's, for the next round.
      if ((await readCentreLink(this.parts.db, this.parts.secrets))?.linkedAt !== link.linkedAt) return false;
      const hours = await this.outbox.oldest(batchSize);
      const { queue } = this.parts;
      const services = queue.services.map((service) => ({ code: service.code, name: service.name }));
      const report: CentreReport = { services, hours, live, health };
      const acknowledged = await this.post(link, report);
      if (acknowledged === null) return false;
      // Never past what this report carried: a centre that says it holds more forgets nothing it was not sent.
      await this.outbox.forgetThrough(Math.min(acknowledged, hours.at(-1)?.seq ?? 0));
      if (hours.length < batchSize) return true;
    }
  }

  private async figuresNow(): Promise<{ live: CentreReport['live']; health: HallHealth }> {
    const { db, queue } = this.parts;
    const now = this.parts.now();
    const overview = await terminalsOverview(db, now);
    return {
      live: await liveFigures(db, queue, businessDay(now, queue.resetHour, queue.timeZone), now),
      health: {
        terminals: overview.terminals.length,
        offline: overview.terminals.filter((terminal) => !terminal.online).length,
        alerting: overview.terminals
          .filter((terminal) => terminal.alerts.length > 0)
          .map((terminal) => ({
            terminalId: terminal.terminalId,
            alerts: terminal.alerts.map((alert) => [alert.kind, alert.device, alert.state].filter(Boolean).join(' ')),
          })),
      },
    };
  }

  /** The acknowledged sequence number; null when the centre could not be reached or refused (logged once per outage). */
  private async post(link: CentreLink, report: CentreReport): Promise<number | null> {
    const body = JSON.stringify(report);
    // The machine's clock, not the hall's business clock: the centre checks it against its own.
    const timestamp = Date.now();
    try {
      const response = await fetch(`${link.centreUrl}${centrePaths.report}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [signingHeaders.terminal]: link.hallId,
          [signingHeaders.timestamp]: String(timestamp),
          [signingHeaders.signature]: signRequest(link.secret, 'POST', centrePaths.report, body, timestamp),
        },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      const answer = (await response.json().catch(() => null)) as unknown;
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(answer)}`);
      const acknowledged = centreReportAnswerSchema.parse(answer).acknowledged;
      if (this.#failing) this.parts.logger.info({ centre: link.centreUrl }, 'the centre is reachable again');
      this.#failing = false;
      return acknowledged;
    } catch (error) {
      if (!this.#failing)
        this.parts.logger.warn({ err: error, centre: link.centreUrl }, 'cannot report to the centre; the outbox keeps the hours');
      this.#failing = true;
      return null;
    }
  }
}
