import { enrollRequestSchema, enrollResponseSchema, hallPaths, pingResponseSchema } from '../../main/contract/hallProtocol.js';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, syncPaths } from '../../main/contract/syncProtocol.js';
import { hallRoute, hallSocket, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import { EnrollmentError, type TerminalRegistry } from '../identity/terminalRegistry.js';
import type { CareHub } from '../remoteCare/careHub.js';
import type { ChangeLog } from './changeLog.js';
import type { EventIntake } from './eventIntake.js';
import type { LiveHub } from './liveHub.js';
import { pageFor } from './scopeVisibility.js';

/** Guessing enrollment codes: this many tries a minute from one address, then 429. */
export const enrollAttemptsPerMinute = 10;

const everyRole = { roles: ['kiosk', 'counter', 'display'] } as const;

/** What every terminal calls, whatever its role: enrol, ping, pull, the live channel, push. */
export function registerTerminalRoutes(
  app: HallApp,
  parts: { registry: TerminalRegistry; changes: ChangeLog; intake: EventIntake; live: LiveHub; care: CareHub; now: () => number },
): void {
  const { registry, changes, intake, live, care, now } = parts;
  hallRoute(app, {
    method: 'POST',
    url: hallPaths.enroll,
    access: 'public',
    summary: 'Trade a one-time enrollment code for the terminal secret (and the role the code names)',
    body: enrollRequestSchema,
    response: enrollResponseSchema,
    rateLimit: { max: enrollAttemptsPerMinute, timeWindow: '1 minute' },
    handler: async ({ body, reply }) => {
      try {
        return await registry.enroll(body.code);
      } catch (error) {
        if (error instanceof EnrollmentError) return refuse(reply, 401, 'unauthorized', error.message);
        throw error;
      }
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: hallPaths.ping,
    access: everyRole,
    summary: 'Check that the hall server answers this terminal',
    response: pingResponseSchema,
    handler: ({ caller }) => ({ terminalId: caller.terminalId, hallTime: new Date(now()).toISOString() }),
  });

  hallRoute(app, {
    method: 'GET',
    url: syncPaths.changes,
    access: everyRole,
    summary: "Pull a page of the hall's changes of one scope after a cursor",
    query: pullQuerySchema,
    response: pullResponseSchema,
    handler: async ({ query, caller }) => pageFor(caller.terminalId, await changes.changesSince(query.scope, query.after, query.limit)),
  });

  hallSocket(app, {
    url: syncPaths.live,
    access: everyRole,
    summary: 'The live channel: the hall names each scope that changed',
    handler: (socket, caller) => {
      live.add(socket);
      care.attach(caller.terminalId, socket);
      // Terminals only listen here; what they send is ignored.
      socket.on('message', () => undefined);
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: syncPaths.push,
    access: everyRole,
    summary: "Push a batch of the terminal's outbox events",
    body: pushRequestSchema,
    response: pushResponseSchema,
    handler: ({ body, caller }) => intake.accept(caller.terminalId, body.events),
  });
}
