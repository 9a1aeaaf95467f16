import type { FastifyReply } from 'fastify';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { queuePaths } from '../../main/contract/queue.js';
import { hallRoute, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import type { QueueContext } from '../queue/queueContext.js';
import { QueueRefusal } from '../queue/queueRefusal.js';
import type { TicketIssuer } from '../queue/ticketIssuer.js';
import { ticketById } from '../queue/ticketRows.js';
import { assignCaseSchema, completeStepSchema, laterRatingSchema, ratingCaseSchema } from './caseSchema.js';
import { casesPage } from './casesPage.js';
import { ratePage } from './ratePage.js';
import { CaseRefusal, type RatingCases } from './ratingCases.js';

export const casePaths = {
  page: '/dashboard/cases',
  list: '/dashboard/cases/list',
  complete: (id: string) => `/dashboard/cases/${id}/complete`,
  assign: (id: string) => `/dashboard/cases/${id}/assign`,
  rate: (ticketId: string) => `${queuePaths.follow}${ticketId}/rate`,
} as const;

async function answer<T>(reply: FastifyReply, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CaseRefusal || error instanceof QueueRefusal) return refuse(reply, error.status, error.code, error.message);
    throw error;
  }
}

/** 好差评: the staff's case list and its steps, and the citizen's later rating from the ticket's page. */
export function registerEvaluationRoutes(
  app: HallApp,
  parts: { queue: QueueContext; config: HallQueue; issuer: TicketIssuer; cases: RatingCases },
) {
  const { queue, issuer, cases, config } = parts;

  hallRoute(app, {
    method: 'GET',
    url: casePaths.page,
    access: { staff: ['supervisor'] },
    summary: '差评 cases, overdue first, each completed step by step',
    html: true,
    handler: async ({ reply }) => reply.type('text/html; charset=utf-8').send(casesPage(await cases.list(), config, casePaths.complete)),
  });

  hallRoute(app, {
    method: 'GET',
    url: casePaths.list,
    access: { staff: ['supervisor'] },
    summary: 'The 差评 cases as data, overdue first',
    response: ratingCaseSchema.array(),
    handler: () => cases.list(),
  });

  hallRoute(app, {
    method: 'POST',
    url: casePaths.complete(':id'),
    access: { staff: ['supervisor'] },
    summary: "Complete a case's current step (verify, rectify, reply, review) with what was done; the next owner",
    body: completeStepSchema,
    response: ratingCaseSchema,
    handler: ({ body, params, request, reply }) =>
      answer(reply, () => cases.complete(params.id!, request.staff!, body.step, body.note, body.nextOwner)),
  });

  hallRoute(app, {
    method: 'POST',
    url: casePaths.assign(':id'),
    access: { staff: ['supervisor'] },
    summary: "Name the owner of a case's current step",
    body: assignCaseSchema,
    response: ratingCaseSchema,
    handler: ({ body, params, reply }) => answer(reply, () => cases.assign(params.id!, body.owner)),
  });

  const rateState = async (id: string) => {
    const ticket = await ticketById(queue.db, id);
    if (!ticket) return null;
    return {
      ticket,
      state: ticket.score !== null ? ('rated' as const) : ticket.status === 'finished' ? ('open' as const) : ('not_served' as const),
    };
  };

  hallRoute(app, {
    method: 'GET',
    url: casePaths.rate(':id'),
    access: 'public',
    summary: "A ticket's later rating page, for a citizen who did not rate at the counter",
    html: true,
    handler: async ({ params, reply }) => {
      reply.type('text/html; charset=utf-8');
      const found = await rateState(params.id!);
      if (!found) return reply.code(404).send('<!doctype html><meta charset="utf-8"><p>没有这张票 · No such ticket</p>');
      return ratePage(found.ticket.label, queue.service(found.ticket.service), found.state, casePaths.rate(found.ticket.id));
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: casePaths.rate(':id'),
    access: 'public',
    summary: 'Rate a finished ticket later (once, only if it was not rated at the counter); a 1 or 2 opens a case',
    body: laterRatingSchema,
    handler: ({ body, params, reply }) =>
      answer(reply, async () => {
        const found = await rateState(params.id!);
        if (!found) throw new QueueRefusal('unknown_ticket', `no ticket ${params.id}`, 404);
        if (found.state === 'rated') throw new CaseRefusal('already_rated', `${found.ticket.label} is rated already`);
        await queue.db.transaction((tx) => issuer.rate(tx, { ticketId: found.ticket.id, ...body }));
        return { rated: found.ticket.label };
      }),
  });
}
