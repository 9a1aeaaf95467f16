import { z } from 'zod';
import { terminalIdSchema } from '../../main/contract/hallProtocol.js';
import { careCommandIdSchema, careCommandSchema, carePaths, careRequestSchema, careResultSchema } from '../../main/contract/remoteCare.js';
import type { TerminalRegistry } from '../identity/terminalRegistry.js';
import { hallRoute, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import { CareRefusal, type CareCommands } from './careCommands.js';
import type { CareHub } from './careHub.js';
import { carePage } from './carePage.js';

export interface CareParts {
  commands: CareCommands;
  hub: CareHub;
  registry: TerminalRegistry;
}

const idParams = z.object({ id: careCommandIdSchema });

/** Staff send commands (API and page), terminals post results; every command is kept with who sent it. */
export function registerCareRoutes(app: HallApp, { commands, hub, registry }: CareParts): void {
  const send = async (request: z.output<typeof careRequestSchema>, staff: string) => {
    if (!(await registry.find(request.terminal))) return null;
    const command = await commands.request(request.terminal, request.action, request.lines, staff, request.expiresInSeconds);
    app.log.info({ staff, terminalId: request.terminal, command: command.id, action: request.action }, 'care command requested');
    void hub.deliverWaiting();
    return command;
  };

  hallRoute(app, {
    method: 'POST',
    url: carePaths.commands,
    access: { staff: ['technician'] },
    summary:
      'Send a terminal a care command (reload, restart, test-receipt, screenshot, logs, apply-config); it waits while the terminal is offline',
    body: careRequestSchema,
    response: careCommandSchema,
    handler: async ({ body, request, reply }) =>
      (await send(body, request.staff!)) ?? refuse(reply, 404, 'not_found', `no enrolled terminal ${body.terminal}`),
  });

  hallRoute(app, {
    method: 'GET',
    url: carePaths.commands,
    access: { staff: ['technician'] },
    summary: 'The latest care commands, newest first, with their state and results',
    query: z.object({ terminal: terminalIdSchema.optional() }).strict(),
    response: z.object({ commands: z.array(careCommandSchema) }),
    handler: async ({ query }) => ({ commands: await commands.list(query.terminal ?? null) }),
  });

  hallRoute(app, {
    method: 'GET',
    url: `${carePaths.commands}/:id`,
    access: { staff: ['technician'] },
    summary: 'One care command, with its result',
    response: careCommandSchema,
    handler: async ({ params, reply }) => {
      const id = idParams.safeParse(params);
      const command = id.success ? await commands.find(id.data.id) : null;
      return command ?? refuse(reply, 404, 'not_found', 'no such care command');
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: `${carePaths.commands}/:id/screenshot.png`,
    access: { staff: ['technician'] },
    summary: 'The screenshot a care command took (PNG)',
    handler: async ({ params, reply }) => {
      const id = idParams.safeParse(params);
      const png = id.success ? await commands.screenshot(id.data.id) : null;
      return png ? reply.type('image/png').send(png) : refuse(reply, 404, 'not_found', 'no screenshot for this command');
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: carePaths.results,
    access: { roles: ['kiosk', 'counter', 'display'] },
    summary: "A terminal's result of a care command sent to it",
    body: careResultSchema,
    response: z.object({ state: z.string() }),
    handler: async ({ body, caller, reply }) => {
      try {
        const command = await commands.finish(caller.terminalId, body);
        app.log.info({ terminalId: caller.terminalId, command: body.id, ok: body.ok }, 'care command finished');
        return { state: command.state };
      } catch (error) {
        if (error instanceof CareRefusal) return refuse(reply, 409, 'conflict', error.message);
        throw error;
      }
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: carePaths.page,
    access: { staff: ['technician'] },
    summary: "The technicians' remote care page",
    html: true,
    handler: async ({ request, reply }) => reply.type('text/html; charset=utf-8').send(carePage(await commands.list(null), request.staff!)),
  });

  hallRoute(app, {
    method: 'POST',
    url: carePaths.page,
    access: { staff: ['technician'] },
    summary: "The remote care page's form: sends the command, then shows the page again",
    body: careRequestSchema,
    html: true,
    handler: async ({ body, request, reply }) => {
      const command = await send(body, request.staff!);
      if (!command) return refuse(reply, 404, 'not_found', `no enrolled terminal ${body.terminal}`);
      return reply.redirect(carePaths.page, 303);
    },
  });
}
