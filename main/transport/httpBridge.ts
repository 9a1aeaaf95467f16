import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { RpcErrorCode, RpcResult } from '../contract/errors.js';
import type { Logger } from '../../lib/logger.js';
import { createSecret, secretsEqual } from '../../lib/secrets.js';
import { bridgeTokenMetaName } from '../contract/rpc.js';
import type { Dispatch } from './dispatcher.js';
import type { EventHub } from './eventHub.js';

export interface HttpBridgeOptions {
  dispatch: Dispatch;
  events: EventHub;
  logger: Logger;
  /** The built renderer (dist/renderer); its index.html gets the token. */
  rendererDir: string;
  host?: string;
  port?: number;
}

export interface HttpBridge {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const statusByCode: Record<RpcErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  unknown_method: 404,
  not_found: 404,
  bad_data: 500,
  unavailable: 503,
  refused: 409,
  internal: 500,
};

/**
 * Browser mode's transport: the same dispatcher as Electron IPC, over
 * `POST /api/rpc/<method>` and a WebSocket of events at `/api/events`.
 * Every API request needs the per-launch token, so no other local page or
 * process can drive the terminal.
 */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = createSecret();
  const indexHtml = await readIndexHtml(options.rendererDir, token);
  const app = Fastify({
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // On shutdown, drop kept-alive browser connections instead of waiting them out.
    forceCloseConnections: true,
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  const listenHost = options.host ?? '127.0.0.1';
  app.addHook('onRequest', async (request, reply) => {
    // A page that rebinds its own DNS name to loopback would be same-origin with
    // the served page and could read the token; on loopback only loopback names are served.
    if (loopbackHosts.has(listenHost) && !loopbackHosts.has(request.hostname)) {
      await reply.code(421).type('text/plain').send('misdirected request');
      return;
    }
    if (!request.url.startsWith('/api/')) return;
    const offered = bearerToken(request) ?? (request.url.startsWith('/api/events') ? queryToken(request) : undefined);
    if (!secretsEqual(token, offered)) {
      await sendResult(reply, { ok: false, error: { code: 'unauthorized', message: 'missing or wrong bridge token' } });
    }
  });

  app.setErrorHandler(async (error: { statusCode?: number; message: string }, _request, reply) => {
    // Fastify's own rejections (bad JSON, body too large) keep the envelope the client expects.
    if (error.statusCode && error.statusCode < 500) {
      return sendResult(reply, { ok: false, error: { code: 'invalid_input', message: error.message } });
    }
    options.logger.error({ err: error }, 'bridge request failed');
    return sendResult(reply, { ok: false, error: { code: 'internal', message: 'the terminal could not handle the request' } });
  });

  app.post<{ Params: { method: string } }>('/api/rpc/:method', async (request, reply) => {
    const result = await options.dispatch(request.params.method, request.body ?? {});
    return sendResult(reply, result);
  });

  app.get('/api/events', { websocket: true }, (socket) => {
    const unsubscribe = options.events.subscribe((event, payload) => socket.send(JSON.stringify({ event, payload })));
    socket.on('close', unsubscribe);
    // The screens only listen; anything they send is ignored rather than trusted.
    socket.on('message', () => undefined);
  });

  const sendIndex = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(indexHtml);
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  await app.register(fastifyStatic, { root: options.rendererDir, index: false, wildcard: true });

  await app.listen({ host: listenHost, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the bridge is not listening on a TCP port');
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    port: address.port,
    token,
    close: () => app.close(),
  };
}

async function readIndexHtml(rendererDir: string, token: string): Promise<string> {
  const file = path.join(rendererDir, 'index.html');
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch {
    throw new Error(`the renderer is not built (${file} is missing): run "npm run build"`);
  }
  return html.replace('</head>', `<meta name="${bridgeTokenMetaName}" content="${token}"></head>`);
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

/** Browsers cannot set headers on a WebSocket, so the events socket carries the token in its query. */
function queryToken(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.token;
  return typeof value === 'string' ? value : undefined;
}

function sendResult(reply: FastifyReply, result: RpcResult): FastifyReply {
  return reply.code(result.ok ? 200 : statusByCode[result.error.code]).send(result);
}
