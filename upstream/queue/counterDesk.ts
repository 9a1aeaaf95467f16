import type { Queryable } from '../../lib/sqlite/database.js';
import { waitingFor } from '../../main/contract/queueOrder.js';
import type { CounterAction, CounterResult, QueueTicket, QueueWindow } from '../../main/contract/queue.js';
import type { QueueContext } from './queueContext.js';
import { QueueRefusal } from './queueRefusal.js';
import { callWaitingTicket, publicTicket, ticketsOfDay, windowWithCurrent } from './ticketRows.js';
import { endVisit, recordPause, startVisit } from './visitLog.js';

/**
 * What clerks do at their window, applied at the hall in one transaction
 * each. Calling is a conditional UPDATE (status still "waiting"), so when
 * counters call at once each ticket goes to exactly one of them; a counter
 * that loses the race takes the next ticket.
 */
export class CounterDesk {
  constructor(private readonly queue: QueueContext) {}

  act(window: number, act: CounterAction): Promise<CounterResult> {
    return this.queue.change(async (tx) => {
      const services = this.queue.windowServices(window);
      const { pausedReason, current } = await windowWithCurrent(tx, window);
      const state: QueueWindow = { window, services, pausedReason, currentTicketId: current?.id ?? null };
      const now = this.queue.now().toISOString();
      let left: QueueTicket | null = null;
      let next: QueueTicket | null = current ? publicTicket(current) : null;
      const need = (): QueueTicket => {
        if (!next) throw new QueueRefusal('no_current_ticket', `window ${window} has no ticket at the moment`);
        return next;
      };

      switch (act.action) {
        case 'call-next': {
          if (state.pausedReason) throw new QueueRefusal('window_paused', `window ${window} is paused: resume it first`);
          if (next) left = await this.#update(tx, next, { status: 'finished', finishedAt: now });
          next = await this.#callNext(tx, state, now);
          break;
        }
        case 'recall':
          next = await this.#update(tx, need(), { calledAt: now, recalls: need().recalls + 1 });
          break;
        case 'skip': {
          const ticket = need();
          const { recallsBeforeSkip } = this.queue.config;
          if (ticket.recalls < recallsBeforeSkip) {
            throw new QueueRefusal(
              'recall_first',
              `recall ${ticket.label} ${recallsBeforeSkip - ticket.recalls} more time(s) before skipping it`,
            );
          }
          left = await this.#update(tx, ticket, { status: 'no_show', finishedAt: now });
          next = null;
          break;
        }
        case 'finish':
          left = await this.#update(tx, need(), { status: 'finished', finishedAt: now });
          next = null;
          break;
        case 'transfer': {
          const ticket = need();
          if ('service' in act.to) {
            this.queue.service(act.to.service);
            left = await this.#update(tx, ticket, {
              status: 'waiting',
              service: act.to.service,
              targetWindow: null,
              window: null,
              priority: 'transfer',
              recalls: 0,
            });
          } else {
            this.queue.windowServices(act.to.window);
            if (act.to.window === window) throw new QueueRefusal('same_window', `${ticket.label} is already at window ${window}`, 400);
            left = await this.#update(tx, ticket, {
              status: 'waiting',
              targetWindow: act.to.window,
              window: null,
              priority: 'transfer',
              recalls: 0,
            });
          }
          next = null;
          break;
        }
        case 'pause':
          if (next) throw new QueueRefusal('finish_first', `finish or transfer ${next.label} before pausing window ${window}`);
          await recordPause(tx, window, act.reason, now);
          state.pausedReason = act.reason;
          break;
        case 'resume':
          if (state.pausedReason) await recordPause(tx, window, null, now);
          state.pausedReason = null;
          break;
      }
      if (left) await endVisit(tx, left.id, left.status === 'waiting' ? 'transferred' : left.status, now);

      state.currentTicketId = next?.id ?? null;
      await tx.run('UPDATE queue_window SET paused_reason = ?, current_ticket_id = ? WHERE window_number = ?', [
        state.pausedReason,
        state.currentTicketId,
        window,
      ]);
      await this.queue.publishWindow(tx, state);
      return { window: state, current: next, left };
    });
  }

  async #callNext(tx: Queryable, state: QueueWindow, now: string): Promise<QueueTicket | null> {
    for (;;) {
      const [candidate] = waitingFor(state, await ticketsOfDay(tx, this.queue.today(), 'waiting'), this.queue.now());
      if (!candidate) return null;
      const taken = await callWaitingTicket(tx, candidate.id, state.window, now);
      if (taken) {
        await startVisit(tx, candidate, state.window, now);
        const called = publicTicket(taken);
        await this.queue.publishTicket(tx, called);
        return called;
      }
    }
  }

  async #update(tx: Queryable, ticket: QueueTicket, change: Partial<QueueTicket>): Promise<QueueTicket> {
    const updated: QueueTicket = { ...ticket, ...change };
    await tx.run(
      'UPDATE queue_ticket SET status = ?, service = ?, priority = ?, target_window = ?, served_window = ?, called_at = ?, recalls = ?, finished_at = ? WHERE id = ?',
      [
        updated.status,
        updated.service,
        updated.priority,
        updated.targetWindow,
        updated.window,
        updated.calledAt,
        updated.recalls,
        updated.finishedAt,
        updated.id,
      ],
    );
    await this.queue.publishTicket(tx, updated);
    return updated;
  }
}
