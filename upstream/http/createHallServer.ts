import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { enrollRequestSchema, hallPaths } from '../../main/contract/hallProtocol.js';
import { checkSignature, signingHeaders } from '../../main/contract/requestSigning.js';
import { issuesFromZod } from '../../main/contract/errors.js';
import { pullQuerySchema, pushRequestSchema, syncPaths } from '../../main/contract/syncProtocol.js';
import fastifyWebsocket from '@fastify/websocket';
import { ChangeLog } from '../sync/changeLog.js';
import { LiveHub } from '../sync/liveHub.js';
import type { Database } from '../../lib/sqlite/database.js';
import { EventIntake } from '../sync/eventIntake.js';
import { hallOpenApi } from './openApi.js';
import { EnrollmentError, TerminalRegistry } from '../identity/terminalRegistry.js';
import { ReplayGuard } from '../identity/replayGuard.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
    terminalId: string | null;
  }
}

export interface HallServerOptions {
  db: Database;
  /** How often the live channel looks for new changes. */
  livePollMs?: number;
  logger: Logger;
  now?: () => number;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/**
 * The hall server's HTTP API. Every route but enrollment needs a request
 * signed by an enrolled, unrevoked terminal: anything else gets 401 and
 * nothing is written.
 */
export async function createHallServer(options: HallServerOptions) {
  const now = options.now ?? Date.now;
  const registry = new TerminalRegistry(options.db);
  const intake = new EventIntake(options.db);
  const changes = new ChangeLog(options.db);
  const replays = new ReplayGuard();
  const app = Fastify({
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 8 * 1024 * 1024,
    forceCloseConnections: true,
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  const live = new LiveHub(changes, options.logger, options.livePollMs);
  await live.start();
  app.addHook('onClose', async () => live.stop());
  app.decorateRequest('rawBody', '');
  app.decorateRequest('terminalId', null);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, _request, reply) => {
    if (error.statusCode && error.statusCode < 500) return refuse(reply, error.statusCode, 'bad_request', error.message);
    options.logger.error({ err: error }, 'hall request failed');
    return refuse(reply, 500, 'internal', 'the hall server failed');
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url === hallPaths.enroll || !request.url.startsWith('/api/')) return;
    const terminalId = request.headers[signingHeaders.terminal];
    const timestamp = Number(request.headers[signingHeaders.timestamp]);
    const signature = request.headers[signingHeaders.signature];
    if (typeof terminalId !== 'string' || typeof signature !== 'string') {
      return refuse(reply, 401, 'unauthorized', 'the request is not signed');
    }
    const secret = await registry.secretOf(terminalId);
    if (!secret) return refuse(reply, 401, 'unauthorized', 'unknown or revoked terminal');
    const check = checkSignature(secret, { method: request.method, path: request.url, body: request.rawBody, timestamp, signature }, now());
    if (check === 'stale') return refuse(reply, 401, 'unauthorized', 'the request time is outside the replay window (check the terminal clock)');
    if (check === 'bad-signature') return refuse(reply, 401, 'unauthorized', 'bad signature');
    if (!replays.firstUse(signature, now())) return refuse(reply, 401, 'unauthorized', 'this request was already received');
    request.terminalId = terminalId;
  });

  app.post(hallPaths.enroll, async (request, reply) => {
    const parsed = enrollRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuse(reply, 400, 'bad_request', issuesFromZod(parsed.error).map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    try {
      return await registry.enroll(parsed.data.code);
    } catch (error) {
      if (error instanceof EnrollmentError) return refuse(reply, 401, 'unauthorized', error.message);
      throw error;
    }
  });

  const openApi = hallOpenApi();
  app.get('/docs', async () => openApi);

  app.get(hallPaths.ping, async (request) => ({ terminalId: request.terminalId!, hallTime: new Date(now()).toISOString() }));

  app.get(syncPaths.changes, async (request, reply) => {
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) return refuse(reply, 400, 'bad_request', issuesFromZod(query.error).map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    return changes.changesSince(query.data.scope, query.data.after, query.data.limit);
  });

  app.get(syncPaths.live, { websocket: true }, (socket) => {
    live.add(socket);
    // Terminals only listen here; what they send is ignored.
    socket.on('message', () => undefined);
  });

  app.post(syncPaths.push, async (request, reply) => {
    const parsed = pushRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuse(reply, 400, 'bad_request', issuesFromZod(parsed.error).map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    return intake.accept(request.terminalId!, parsed.data.events);
  });

  return app;
}
