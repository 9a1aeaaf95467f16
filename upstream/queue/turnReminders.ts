import type { Logger } from 'pino';
import { nearTurnAhead } from '../../main/contract/turnReminder.js';
import { QueueRefusal } from './queueRefusal.js';
import type { QueueContext } from './queueContext.js';
import type { SmsGateway } from './smsGateway.js';
import type { TicketIssuer } from './ticketIssuer.js';
import { publicTicket, ticketById } from './ticketRows.js';

/**
 * SMS reminders: a waiting ticket's phone number, texted once when
 * `nearTurnAhead` or fewer are ahead (or the ticket is called first), and
 * erased as soon as the ticket ends. Checked after every queue change.
 */
export class TurnReminders {
  #checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly queue: QueueContext,
    private readonly issuer: TicketIssuer,
    private readonly gateway: SmsGateway,
    private readonly logger: Logger,
  ) {}

  async register(ticketId: string, phone: string): Promise<void> {
    const ticket = await ticketById(this.queue.db, ticketId);
    if (!ticket) throw new QueueRefusal('unknown_ticket', `no ticket ${ticketId}`, 404);
    if (ticket.status !== 'waiting') throw new QueueRefusal('ticket_not_waiting', `ticket ${ticket.label} no longer waits`, 409);
    await this.queue.db.run(
      'INSERT INTO ticket_phone (ticket_id, phone, notified) VALUES (?, ?, 0) ON CONFLICT (ticket_id) DO UPDATE SET phone = excluded.phone, notified = 0',
      [ticketId, phone],
    );
    this.nudge();
  }

  /** After a queue change: one check at a time, in order. */
  nudge(): void {
    this.#checking = this.#checking
      .then(() => this.#check())
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not check the SMS reminders'));
  }

  /** Resolves once the checks asked for so far are done. */
  settled(): Promise<void> {
    return this.#checking;
  }

  async #check(): Promise<void> {
    const rows = await this.queue.db.all<{ ticket_id: string; phone: string; notified: number }>('SELECT * FROM ticket_phone');
    for (const row of rows) {
      const ticket = await ticketById(this.queue.db, row.ticket_id);
      if (!ticket || ticket.status === 'finished' || ticket.status === 'no_show') {
        await this.queue.db.run('DELETE FROM ticket_phone WHERE ticket_id = ?', [row.ticket_id]);
        continue;
      }
      if (row.notified) continue;
      const standing = await this.issuer.standing(publicTicket(ticket));
      const text =
        ticket.status === 'called'
          ? `【政务服务大厅】请 ${ticket.label} 号到 ${ticket.window} 号窗口办理。`
          : standing.peopleAhead <= nearTurnAhead
            ? `【政务服务大厅】您的 ${ticket.label} 号前面还有 ${standing.peopleAhead} 人，请回到大厅留意叫号。`
            : null;
      if (text === null) continue;
      await this.gateway.send(row.phone, text);
      await this.queue.db.run('UPDATE ticket_phone SET notified = 1 WHERE ticket_id = ?', [row.ticket_id]);
    }
  }
}
