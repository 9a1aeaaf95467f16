import type { Logger } from 'pino';
import type { HallApp } from './hallRoute.js';
import { refuse } from './refuse.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
  }
}

/**
 * What every OneWindow server does with a request before its route: keeps
 * the JSON body as it came (a signature covers those bytes), answers a body
 * that is not JSON with 400, and any failure in the one error shape, with
 * the server's own failures logged and not told.
 */
export function serverBasics(app: HallApp, logger: Logger, failed: string): void {
  app.decorateRequest('rawBody', '');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, _request, reply) => {
    if (error.statusCode && error.statusCode < 500)
      return refuse(reply, error.statusCode, error.statusCode === 429 ? 'too_many_requests' : 'bad_request', error.message);
    logger.error({ err: error }, `${failed} request failed`);
    return refuse(reply, 500, 'internal', `the ${failed} failed`);
  });
}
