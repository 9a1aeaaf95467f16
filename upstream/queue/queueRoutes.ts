import { timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { businessDaySchema, counterRequestSchema, issueTicketRequestSchema, leaseBlockRequestSchema, queuePaths } from '../../main/contract/queue.js';
import { peopleAhead } from '../../main/contract/queueOrder.js';
import { refuse, refuseInput } from '../http/refuse.js';
import type { CounterDesk } from './counterDesk.js';
import { dashboardPage } from './dashboardPage.js';
import { followPage } from './followPage.js';
import { fontPrefix } from './htmlText.js';
import type { QueueContext } from './queueContext.js';
import { QueueRefusal } from './queueRefusal.js';
import { queueStatistics } from './queueStatistics.js';
import type { TicketIssuer } from './ticketIssuer.js';
import { publicTicket, ticketById, ticketsOfDay } from './ticketRows.js';

export interface QueueRouteParts {
  queue: QueueContext;
  issuer: TicketIssuer;
  desk: CounterDesk;
  /** Opens the dashboard (`/dashboard?key=…`); without one the dashboard is closed. */
  dashboardKey: string | null;
}

const statisticsQuery = z.object({ day: businessDaySchema.optional() }).strict();
const dashboardQuery = statisticsQuery.extend({ key: z.string() }).strict();

async function answer<T>(reply: FastifyReply, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueueRefusal) return refuse(reply, error.status, error.code, error.message);
    throw error;
  }
}

/** The queue's routes: signed ones for terminals under /api, the public ticket page and the key-guarded dashboard. */
const fontDir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'));

export async function registerQueueRoutes(app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>, parts: QueueRouteParts): Promise<void> {
  const { queue, issuer, desk } = parts;
  await app.register(fastifyStatic, { root: fontDir, prefix: fontPrefix, index: false, maxAge: '30d' });
  const statistics = async (day = queue.today()) =>
    queueStatistics(day, await ticketsOfDay(queue.db, day), queue.config.services.map((service) => service.code), queue.config.windows.map((window) => window.window));

  app.post(queuePaths.tickets, async (request, reply) => {
    const parsed = issueTicketRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    return answer(reply, () => issuer.issue(request.terminalId!, parsed.data));
  });

  app.post(queuePaths.blocks, async (request, reply) => {
    const parsed = leaseBlockRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    return answer(reply, () => issuer.leaseBlock(request.terminalId!, parsed.data.service, parsed.data.size));
  });

  app.post(queuePaths.counter, async (request, reply) => {
    const parsed = counterRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    return answer(reply, () => desk.act(parsed.data.window, parsed.data.act));
  });

  app.get(queuePaths.statistics, async (request, reply) => {
    const parsed = statisticsQuery.safeParse(request.query);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    return statistics(parsed.data.day);
  });

  app.get<{ Params: { id: string } }>(`${queuePaths.follow}:id`, async (request, reply) => {
    const ticket = await ticketById(queue.db, request.params.id);
    reply.type('text/html; charset=utf-8');
    if (!ticket) return reply.code(404).send('<!doctype html><meta charset="utf-8"><p>没有这张票 · No such ticket</p>');
    const waiting = await ticketsOfDay(queue.db, ticket.businessDay, 'waiting');
    const shown = publicTicket(ticket);
    return followPage({ ticket: shown, peopleAhead: peopleAhead(shown, waiting, queue.now()), estimatedWaitMinutes: null }, queue.service(ticket.service));
  });

  const keyMatches = (key: string) => {
    if (!parts.dashboardKey) return false;
    const given = Buffer.from(key);
    const expected = Buffer.from(parts.dashboardKey);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  app.get(queuePaths.dashboard, async (request, reply) => {
    const parsed = dashboardQuery.safeParse(request.query);
    if (!parsed.success || !keyMatches(parsed.data.key)) return refuse(reply, 401, 'unauthorized', 'the dashboard needs its key: /dashboard?key=… (printed when the hall starts)');
    return reply.type('text/html; charset=utf-8').send(dashboardPage(queue.config, `${queuePaths.dashboard}/statistics`));
  });

  app.get(`${queuePaths.dashboard}/statistics`, async (request, reply) => {
    const parsed = dashboardQuery.safeParse(request.query);
    if (!parsed.success || !keyMatches(parsed.data.key)) return refuse(reply, 401, 'unauthorized', 'the dashboard needs its key');
    return statistics(parsed.data.day);
  });
}
