import { z } from 'zod';
import { helpCallIdSchema, helpCallSchema, helpPaths, raiseHelpSchema } from '../../main/contract/help.js';
import { hallRoute, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import { HelpRefusal, type HelpDesk } from './helpDesk.js';

/** Help calls: kiosks raise and close theirs, counters acknowledge, staff (the operations view) list the open ones. */
export function registerHelpRoutes(app: HallApp, desk: HelpDesk): void {
  const answer = async <T>(reply: Parameters<typeof refuse>[0], work: () => Promise<T>) => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof HelpRefusal) return refuse(reply, error.status, error.code, error.message);
      throw error;
    }
  };
  hallRoute(app, {
    method: 'POST',
    url: helpPaths.calls,
    access: { roles: ['kiosk'] },
    summary: 'A kiosk calls for a person, naming the screen its citizen is at',
    body: raiseHelpSchema,
    response: helpCallSchema,
    handler: ({ body, caller }) => desk.raise(caller.terminalId, body.screen),
  });
  hallRoute(app, {
    method: 'POST',
    url: helpPaths.acknowledge,
    access: { roles: ['counter'] },
    summary: 'A clerk acknowledges a help call: the kiosk shows that someone is coming',
    body: helpCallIdSchema,
    response: helpCallSchema,
    handler: ({ body, caller, reply }) => answer(reply, () => desk.acknowledge(body.id, caller)),
  });
  hallRoute(app, {
    method: 'POST',
    url: helpPaths.close,
    access: { roles: ['kiosk'] },
    summary: 'The kiosk that raised a help call closes it',
    body: helpCallIdSchema,
    response: z.object({}),
    handler: ({ body, caller, reply }) => answer(reply, async () => (await desk.close(body.id, caller.terminalId), {})),
  });
  hallRoute(app, {
    method: 'GET',
    url: helpPaths.calls,
    access: { staff: ['technician', 'supervisor'] },
    summary: 'The open help calls, oldest first (for the hall operations view)',
    response: z.object({ calls: z.array(helpCallSchema) }),
    handler: async () => ({ calls: await desk.open() }),
  });
}
