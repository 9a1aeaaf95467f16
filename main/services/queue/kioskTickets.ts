import { ulid } from 'ulid';
import type { Database } from '../../../lib/sqlite/database.js';
import { ticketJob } from './ticketLayout.js';
import { businessDay } from '../../contract/businessDay.js';
import { ServiceError } from '../../contract/errors.js';
import { ticketLabel } from '../../contract/queueOrder.js';
import type { IssuedTicket, QueueTicket, TakenTicket } from '../../contract/queue.js';
import { queuePaths } from '../../contract/queue.js';
import { printReceipt, type ReceiptPrinting } from '../receipts/receiptPrinting.js';
import type { Logger } from '../../../lib/logger.js';
import { NumberBlockRepository } from './numberBlockRepository.js';
import { appendEvent } from '../../store/outboxRepository.js';
import { QueueCacheRepository } from './queueCacheRepository.js';
import type { HallClient } from '../../sync/hallClient.js';
import type { CitizenSession } from '../citizen/citizenSession.js';
import { fromHall, hallUnreachable } from '../hallAnswer.js';
import { loadQueueSnapshot } from './queueSnapshot.js';
import { waitFor } from './queueViews.js';

export interface KioskTicketsOptions {
  db: Database;
  client: HallClient | null;
  citizen: CitizenSession;
  /** Where the ticket prints; a failed print leaves the ticket valid. */
  receipts: ReceiptPrinting;
  /** After a ticket went into the outbox. */
  onRecorded: () => Promise<void>;
  /** The local queue copy changed (a ticket issued here). */
  onChanged: () => void;
  logger: Logger;
  /** Numbers per block, and the stock below which another block is leased. */
  blockSize?: number;
  lowWater?: number;
}

/**
 * Queue tickets at the kiosk. Online, the hall issues the number; when the
 * hall cannot be reached, the ticket comes from a number block leased in
 * advance and goes to the hall in the outbox, so the citizen never leaves
 * without a valid ticket. Printing comes after the ticket is committed: a
 * failed print leaves the ticket valid, shown on screen with its QR code.
 */
export class KioskTickets {
  /** The ticket last handed out here, the only one this kiosk may ask the hall to text about. */
  #lastHandedOut: { id: string; offline: boolean; at: number } | null = null;

  constructor(private readonly options: KioskTicketsOptions) {}

  async take(service: string, disability: boolean): Promise<TakenTicket> {
    const { client } = this.options;
    if (!client) throw new ServiceError('unavailable', 'this kiosk is not enrolled with a hall server, so it cannot issue tickets');
    const snapshot = await loadQueueSnapshot(this.options.db, new Date(), 'none');
    const definition = snapshot.services.find((candidate) => candidate.code === service);
    if (!definition) throw new ServiceError('not_found', `the hall has no queue service "${service}"`);
    const priority = disability ? 'disability' : this.options.citizen.summary()?.senior ? 'senior' : null;
    const request = { id: ulid(), service, priority, appointmentAt: null } as const;

    // Decided once: a hall answer arriving after the timeout is dropped with the aborted request, so what
    // is printed and shown never changes. The offline ticket keeps the request's id; the hall, which may have
    // issued it online meanwhile, takes the printed number when the outbox delivers it (TicketIssuer.acceptOffline).
    let issued: IssuedTicket;
    try {
      issued = await client.issueTicket(request);
    } catch (error) {
      if (!hallUnreachable(error)) throw fromHall(error);
      this.options.logger.warn({ err: error }, 'the hall server cannot be reached: issuing from a leased number block');
      issued = await this.#issueOffline(request);
    }
    return this.handOut(issued);
  }

  /** A ticket the hall issued (a number taken, an appointment checked in): into the local copy, printed, shown. */
  async handOut(issued: IssuedTicket): Promise<TakenTicket> {
    const client = this.options.client!;
    const snapshot = await loadQueueSnapshot(this.options.db, new Date(), 'none');
    const definition = snapshot.services.find((candidate) => candidate.code === issued.ticket.service);
    const serviceName = definition?.name ?? { 'zh-CN': issued.ticket.service, en: issued.ticket.service };
    if (!issued.ticket.offline) await new QueueCacheRepository(this.options.db).putTicket(issued.ticket);
    this.options.onChanged();
    const printProblem = await this.#print(issued, serviceName, snapshot.rules?.hallName ?? null, client.hallUrl);
    this.#lastHandedOut = { id: issued.ticket.id, offline: issued.ticket.offline, at: Date.now() };
    return { ...issued, serviceName, followUrl: followUrl(client.hallUrl, issued.ticket.id), printed: printProblem === null, printProblem };
  }

  /**
   * An SMS when the ticket's turn is near, to a number typed on the ticket
   * screen. Only for the ticket just handed out here, and only while its
   * screen could still be up: a screen cannot attach a phone to anyone
   * else's ticket. The number goes straight to the hall (which erases it
   * when the ticket ends); nothing of it is kept or logged here.
   */
  async remindByPhone(ticketId: string, phone: string): Promise<void> {
    const last = this.#lastHandedOut;
    if (!last || last.id !== ticketId || Date.now() - last.at > reminderWindowMs)
      throw new ServiceError('forbidden', `ticket ${ticketId} is not the ticket this kiosk has just handed out`);
    if (last.offline)
      throw new ServiceError(
        'unavailable',
        'this ticket was issued while the hall server was out of reach, so the hall cannot text about it yet',
        undefined,
        'hall_unreachable',
      );
    await this.options.client!.remindByPhone(ticketId, phone).catch((error: unknown) => {
      throw fromHall(error);
    });
  }

  /** Keeps a stock of leased numbers per service for today; run while the hall answers. Returns how many blocks it leased. */
  async topUpBlocks(): Promise<number> {
    const { client, db } = this.options;
    const snapshot = await loadQueueSnapshot(db, new Date(), 'none');
    if (!client || !snapshot.rules) return 0;
    const blocks = new NumberBlockRepository(db);
    const day = businessDay(new Date(), snapshot.rules.resetHour, snapshot.rules.timeZone);
    await blocks.forgetBefore(day);
    let leased = 0;
    for (const service of snapshot.services) {
      if ((await blocks.remaining(day, service.code)) >= (this.options.lowWater ?? 5)) continue;
      const block = await client.leaseBlock(service.code, this.options.blockSize ?? 20);
      if (block.businessDay === day) await blocks.add(block);
      leased++;
    }
    return leased;
  }

  async #issueOffline(request: {
    id: string;
    service: string;
    priority: QueueTicket['priority'] & ('senior' | 'disability' | null);
    appointmentAt: null;
  }): Promise<IssuedTicket> {
    const now = new Date();
    const issued = await this.options.db.transaction(async (tx) => {
      const snapshot = await loadQueueSnapshot(tx, now, 'shown');
      if (!snapshot.rules)
        throw new ServiceError('unavailable', 'the hall server cannot be reached and this kiosk has not yet received its queue rules');
      const day = businessDay(now, snapshot.rules.resetHour, snapshot.rules.timeZone);
      const number = await new NumberBlockRepository(tx).take(day, request.service);
      if (number === null)
        throw new ServiceError(
          'unavailable',
          `the hall server cannot be reached and no offline numbers of service ${request.service} are left`,
        );
      const ticket: QueueTicket = {
        ...request,
        businessDay: day,
        label: ticketLabel(request.service, number),
        status: 'waiting',
        issuedAt: now.toISOString(),
        offline: true,
        targetWindow: null,
        window: null,
        calledAt: null,
        recalls: 0,
        finishedAt: null,
      };
      await new QueueCacheRepository(tx).putTicket(ticket);
      await appendEvent(tx, 'queue.ticket-issued', { ...request, businessDay: day, number, issuedAt: ticket.issuedAt }, now);
      return { ticket, ...waitFor({ ...snapshot, tickets: [...snapshot.tickets, ticket] }, ticket) };
    });
    await this.options.onRecorded();
    return issued;
  }

  /** Prints the ticket; returns why it did not print, or null. */
  async #print(
    issued: IssuedTicket,
    service: TakenTicket['serviceName'],
    hallName: TakenTicket['serviceName'] | null,
    hallUrl: string,
  ): Promise<TakenTicket['printProblem']> {
    return printReceipt(this.options.receipts, (model) =>
      ticketJob(
        {
          hallName: hallName?.['zh-CN'] ?? '',
          number: issued.ticket.label,
          service,
          peopleAhead: issued.peopleAhead,
          estimatedWaitMinutes: issued.estimatedWaitMinutes,
          issuedAt: new Date(issued.ticket.issuedAt),
          followUrl: followUrl(hallUrl, issued.ticket.id),
        },
        model,
      ),
    );
  }
}

/** How long after a ticket is handed out its screen may still ask for the text message. */
const reminderWindowMs = 10 * 60_000;

function followUrl(hallUrl: string, ticketId: string): string {
  return new URL(`${queuePaths.follow}${ticketId}`, hallUrl).toString();
}
