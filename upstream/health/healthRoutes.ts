import type { WebSocket } from 'ws';
import { z } from 'zod';
import {
  healthHistorySchema,
  healthPaths,
  heartbeatAnswerSchema,
  heartbeatSchema,
  terminalsOverviewSchema,
} from '../../main/contract/health.js';
import { terminalIdSchema } from '../../main/contract/hallProtocol.js';
import type { Database } from '../../lib/sqlite/database.js';
import { hallRoute, hallSocket, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import type { HealthDesk } from './healthDesk.js';
import { operationsPage } from './operationsPage.js';
import { terminalsOverview } from './terminalOverview.js';

/**
 * Staff pages watching the operations view: told (at most once a second)
 * that something changed, and then read the API again.
 */
export class OperationsFeed {
  readonly #sockets = new Set<WebSocket>();
  #pending: NodeJS.Timeout | undefined;

  add(socket: WebSocket): void {
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('message', () => undefined);
    this.#sockets.add(socket);
  }

  changed(): void {
    if (this.#pending || this.#sockets.size === 0) return;
    this.#pending = setTimeout(() => {
      this.#pending = undefined;
      for (const socket of this.#sockets) socket.send('{"changed":true}');
    }, 250);
  }

  close(): void {
    clearTimeout(this.#pending);
    for (const socket of this.#sockets) socket.close();
  }
}

/** Heartbeats in (each terminal for itself), the operations view and its API out (staff). */
export function registerHealthRoutes(app: HallApp, parts: { db: Database; desk: HealthDesk; feed: OperationsFeed; now: () => Date }): void {
  hallRoute(app, {
    method: 'POST',
    url: healthPaths.heartbeat,
    access: { roles: ['kiosk', 'counter', 'display'] },
    summary: "A terminal's heartbeat: version, devices, backlog, config applied, disk, memory, the screen it shows (for itself only)",
    body: heartbeatSchema,
    response: heartbeatAnswerSchema,
    handler: async ({ body, caller, reply }) => {
      if (body.terminalId !== caller.terminalId)
        return refuse(reply, 403, 'forbidden', `terminal ${caller.terminalId} may beat for itself only, not for ${body.terminalId}`);
      return { receivedAt: (await parts.desk.beat(caller, body)).toISOString() };
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: healthPaths.terminals,
    access: { staff: ['technician', 'supervisor'] },
    summary: 'Every terminal: online or offline, last beat, device alerts and since when, version, config published and applied, backlog',
    response: terminalsOverviewSchema,
    handler: () => terminalsOverview(parts.db, parts.now()),
  });

  hallRoute(app, {
    method: 'GET',
    url: `${healthPaths.history}:terminalId`,
    access: { staff: ['technician', 'supervisor'] },
    summary: "A terminal's health history, newest first (changes only: not every beat); ?limit=N (default 50)",
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50) }),
    response: healthHistorySchema,
    handler: async ({ params, query, reply }) => {
      const terminalId = terminalIdSchema.safeParse(params.terminalId);
      if (!terminalId.success) return refuse(reply, 400, 'bad_request', 'terminalId: 1–32 letters, digits or "-"');
      return { terminalId: terminalId.data, changes: await parts.desk.history(terminalId.data, query.limit) };
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: healthPaths.page,
    access: { staff: ['technician', 'supervisor'] },
    summary: "The operations view: the hall's terminals, alerting ones first, updated live",
    html: true,
    handler: ({ reply }) => reply.type('text/html; charset=utf-8').send(operationsPage()),
  });

  hallSocket(app, {
    url: healthPaths.live,
    access: { staff: ['technician', 'supervisor'] },
    summary: "The operations view's live feed: a message each time a terminal's health changed",
    handler: (socket) => parts.feed.add(socket),
  });
}
