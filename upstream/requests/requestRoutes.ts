import {
  conveniencePaths,
  progressRequestSchema,
  progressSchema,
  requestReceiptSchema,
  serviceRequestToHallSchema,
} from '../../main/contract/convenience.js';
import { hallRoute, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import { RequestRefused, type RequestDesk } from './requestDesk.js';

/** Convenience requests from kiosks (signed): receive one, or say how an application or request is progressing. */
export function registerRequestRoutes(app: HallApp, desk: RequestDesk): void {
  const answer = async <T>(reply: Parameters<typeof refuse>[0], work: () => Promise<T>) => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RequestRefused) return refuse(reply, error.status, error.code, error.message);
      throw error;
    }
  };
  hallRoute(app, {
    method: 'POST',
    url: conveniencePaths.requests,
    access: { roles: ['kiosk'] },
    summary: 'Receive a convenience request (delivery by mail, home visit, 12345)',
    body: serviceRequestToHallSchema,
    response: requestReceiptSchema,
    handler: ({ body, caller, reply }) => answer(reply, () => desk.receive(caller.terminalId, body.citizen, body.request)),
  });
  hallRoute(app, {
    method: 'POST',
    url: conveniencePaths.progress,
    access: { roles: ['kiosk'] },
    summary: 'How an application or request is progressing',
    body: progressRequestSchema,
    response: progressSchema,
    handler: ({ body, reply }) => answer(reply, () => desk.progress(body.number)),
  });
}
