import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import { conveniencePaths, progressRequestSchema, serviceRequestToHallSchema } from '../../main/contract/convenience.js';
import { refuse, refuseInput } from '../http/refuse.js';
import { RequestRefused, type RequestDesk } from './requestDesk.js';

/** Convenience requests from terminals (signed): receive one, or say how an application or request is progressing. */
export function registerRequestRoutes(app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>, desk: RequestDesk): void {
  const answer = async <T>(reply: Parameters<typeof refuse>[0], work: () => Promise<T>) => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RequestRefused) return refuse(reply, error.status, error.code, error.message);
      throw error;
    }
  };
  app.post(conveniencePaths.requests, async (request, reply) => {
    const parsed = serviceRequestToHallSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    return answer(reply, () => desk.receive(request.terminalId!, parsed.data.citizen, parsed.data.request));
  });
  app.post(conveniencePaths.progress, async (request, reply) => {
    const parsed = progressRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    return answer(reply, () => desk.progress(parsed.data.number));
  });
}
