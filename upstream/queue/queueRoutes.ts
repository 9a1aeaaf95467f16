import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  businessDaySchema,
  counterRequestSchema,
  counterResultSchema,
  issuedTicketSchema,
  issueTicketRequestSchema,
  leaseBlockRequestSchema,
  numberBlockSchema,
  queuePaths,
  queueStatisticsSchema,
} from '../../main/contract/queue.js';
import { hallRoute, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import type { CounterDesk } from './counterDesk.js';
import { followPage } from './followPage.js';
import { registerFontRoute } from '../http/fontRoute.js';
import type { QueueContext } from './queueContext.js';
import { QueueRefusal } from './queueRefusal.js';
import { queueStatistics } from './queueStatistics.js';
import type { TicketIssuer } from './ticketIssuer.js';
import type { TurnReminders } from './turnReminders.js';
import { turnReminderSchema } from '../../main/contract/turnReminder.js';
import { publicTicket, ticketById, ticketsOfDay } from './ticketRows.js';

export interface QueueRouteParts {
  queue: QueueContext;
  issuer: TicketIssuer;
  desk: CounterDesk;
  reminders: TurnReminders;
}

const statisticsQuery = z.object({ day: businessDaySchema.optional() }).strict();

async function answer<T>(reply: FastifyReply, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueueRefusal) return refuse(reply, error.status, error.code, error.message);
    throw error;
  }
}

/** The queue's routes: signed ones for terminals under /api, the public ticket page and the day's statistics for staff. */

export async function registerQueueRoutes(app: HallApp, parts: QueueRouteParts): Promise<void> {
  const { queue, issuer, desk, reminders } = parts;
  await registerFontRoute(app);
  const statistics = async (day = queue.today()) =>
    queueStatistics(
      day,
      await ticketsOfDay(queue.db, day),
      queue.config.services.map((service) => service.code),
      queue.config.windows.map((window) => window.window),
    );

  hallRoute(app, {
    method: 'POST',
    url: queuePaths.tickets,
    access: { roles: ['kiosk'] },
    summary: 'Issue a queue ticket',
    body: issueTicketRequestSchema,
    response: issuedTicketSchema,
    handler: ({ body, caller, reply }) => answer(reply, () => issuer.issue(caller.terminalId, body)),
  });

  hallRoute(app, {
    method: 'POST',
    url: queuePaths.blocks,
    access: { roles: ['kiosk'] },
    summary: 'Lease a block of numbers the kiosk may issue offline',
    body: leaseBlockRequestSchema,
    response: numberBlockSchema,
    handler: ({ body, caller, reply }) => answer(reply, () => issuer.leaseBlock(caller.terminalId, body.service, body.size)),
  });

  hallRoute(app, {
    method: 'POST',
    url: queuePaths.counter,
    access: { roles: ['counter'] },
    summary: "A counter's act on its own window: call next, recall, skip, finish, transfer, pause, resume",
    body: counterRequestSchema,
    response: counterResultSchema,
    handler: ({ body, caller, reply }) => {
      if (body.window !== caller.window) {
        return refuse(
          reply,
          403,
          'forbidden',
          `the counter role (terminal ${caller.terminalId}) serves window ${caller.window} and may not act on window ${body.window}`,
        );
      }
      return answer(reply, () => desk.act(body.window, body.act));
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: queuePaths.reminders,
    access: { roles: ['kiosk'] },
    summary: "An SMS to this number when the ticket's turn is near (the number is erased when the ticket ends)",
    body: turnReminderSchema,
    response: z.object({}),
    handler: ({ body, reply }) => answer(reply, async () => (await reminders.register(body.ticketId, body.phone), {})),
  });

  hallRoute(app, {
    method: 'GET',
    url: queuePaths.statistics,
    access: { roles: ['counter'] },
    summary: "The day's queue statistics per service and window",
    query: statisticsQuery,
    response: queueStatisticsSchema,
    handler: ({ query }) => statistics(query.day),
  });

  const standing = async (id: string) => {
    const ticket = await ticketById(queue.db, id);
    return ticket ? { ticket, issued: await issuer.standing(publicTicket(ticket)), service: queue.service(ticket.service) } : null;
  };
  hallRoute(app, {
    method: 'GET',
    url: `${queuePaths.follow}:id`,
    access: 'public',
    summary: "A ticket's public page (its QR code): people ahead and an estimate, kept up to date in the page",
    html: true,
    handler: async ({ params, reply }) => {
      const found = await standing(params.id!);
      reply.type('text/html; charset=utf-8');
      if (!found) return reply.code(404).send('<!doctype html><meta charset="utf-8"><p>没有这张票 · No such ticket</p>');
      const { ticket } = found;
      return followPage(
        found.issued,
        found.service,
        `${queuePaths.follow}${encodeURIComponent(ticket.id)}/status`,
        ticket.status === 'finished' && ticket.score === null ? `${queuePaths.follow}${encodeURIComponent(ticket.id)}/rate` : null,
      );
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: `${queuePaths.follow}:id/status`,
    access: 'public',
    summary: "A ticket's standing for its public page: state, window, people ahead, estimate",
    response: issuedTicketSchema,
    handler: async ({ params, reply }) => {
      const found = await standing(params.id!);
      return found ? found.issued : refuse(reply, 404, 'not_found', 'no such ticket');
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: `${queuePaths.dashboard}/statistics`,
    access: { staff: ['supervisor'] },
    summary: "The dashboard's figures",
    query: statisticsQuery,
    response: queueStatisticsSchema,
    handler: ({ query }) => statistics(query.day),
  });
}
