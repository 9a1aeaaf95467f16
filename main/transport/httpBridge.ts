import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import { z } from 'zod';
import { bridgeLaunchPath, bridgePairPath, bridgeScreenHeader } from '../contract/bridge.js';
import type { RpcErrorCode, RpcResult } from '../contract/errors.js';
import { isRpcEventName } from '../contract/rpc.js';
import { mayHear, screenRolesFor, type ScreenRole } from '../contract/screenRoles.js';
import { pairingCodeSchema } from '../contract/setup.js';
import type { TerminalRole } from '../contract/terminal.js';
import type { Logger } from '../../lib/logger.js';
import type { Dispatch } from './dispatcher.js';
import type { EventHub } from './eventHub.js';
import { allowedHostNames, isLoopbackAddress } from './hostNames.js';
import { dispatchAs } from './roleGuard.js';
import type { ScreenAccess } from './screenAccess.js';

export interface HttpBridgeOptions {
  dispatch: Dispatch;
  events: EventHub;
  logger: Logger;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Who may use the bridge: launched and paired screens. */
  screens: ScreenAccess;
  /** The terminal's role: what its own screens may do (a screen over the network only displays). */
  terminalRole: TerminalRole;
  host?: string;
  port?: number;
  /** Names besides this machine's own under which screens on the network reach it (DNS names of the terminal). */
  hostNames?: readonly string[];
}

/** A route of the bridge as the server registered it, and whether it needs a screen's cookie. */
export interface BridgeRoute {
  method: string;
  url: string;
  websocket: boolean;
  needsScreen: boolean;
}

export interface HttpBridge {
  readonly url: string;
  readonly port: number;
  /** Every route, as fastify's onRoute hook saw it. */
  readonly routes: readonly BridgeRoute[];
  /** A URL that lets one browser in once (`/launch?code=…`), at `hash`. */
  launchUrl(hash?: string): string;
  close(): Promise<void>;
}

/**
 * How a route is let in, in its fastify config. A route that says nothing
 * needs a screen's cookie and the bridge header: new routes are closed unless
 * they say otherwise.
 */
interface RouteAccess {
  /** The screen cookie is required. */
  screen?: boolean;
  /** Cross-site proof: the bridge header (calls), the Origin (WebSocket upgrades, which cannot carry headers), or none (the page and its assets). */
  proof?: 'header' | 'origin' | 'none';
  /** The route takes WebSocket upgrades; any other route refuses them. */
  socket?: boolean;
}

declare module 'fastify' {
  // The hall server declares its own route config; in one program both must be known.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FastifyContextConfig extends RouteAccess {}
}

const accessOf = (config: unknown): Required<RouteAccess> => {
  const access = (config ?? {}) as RouteAccess;
  return { screen: access.screen ?? true, proof: access.proof ?? 'header', socket: access.socket ?? false };
};

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

const cookieMaxAgeSeconds = 400 * 24 * 3600;

/**
 * Browser mode's transport: the same dispatcher as Electron IPC, over
 * `POST /api/rpc/<method>` and a WebSocket of events at `/api/events`.
 * Access is decided from the route that matched (its config), never from the
 * URL's text; only a screen the terminal launched or a technician paired
 * holds the cookie, and each call is checked against the screen's roles.
 */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const indexHtml = await readIndexHtml(options.rendererDir);
  const app = Fastify({
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // On shutdown, drop kept-alive browser connections instead of waiting them out.
    forceCloseConnections: true,
  });
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  const listenHost = options.host ?? '127.0.0.1';
  const hostNames = allowedHostNames(listenHost, options.hostNames);
  const { screens } = options;
  const rolesOf = (request: FastifyRequest): readonly ScreenRole[] =>
    screenRolesFor(options.terminalRole, !isLoopbackAddress(request.socket.remoteAddress));

  app.addHook('onRequest', async (request, reply) => {
    // A page that rebinds its own DNS name to this address would be same-origin with the served page.
    // An HTTP/1.0 request may name no host at all: that is no name of ours either.
    if (!hostNames.has((request.hostname ?? '').toLowerCase())) {
      await reply.code(421).type('text/plain').send('misdirected request');
      return;
    }
    const access = accessOf(request.routeOptions.config);
    // @fastify/websocket would upgrade a socket on any route (the asset wildcard too) before closing it.
    if (request.ws && !access.socket) {
      await sendResult(reply, { ok: false, error: { code: 'not_found', message: 'no WebSocket here' } });
      return;
    }
    if (access.screen && !screens.admits(request.cookies[screens.cookieName])) {
      await sendResult(reply, { ok: false, error: { code: 'unauthorized', message: 'this screen is not paired with the terminal' } });
      return;
    }
    const refusal = crossSiteRefusal(request, access.proof);
    if (refusal) await sendResult(reply, { ok: false, error: { code: 'forbidden', message: refusal } });
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
    const result = await dispatchAs(options.dispatch, rolesOf(request))(request.params.method, request.body ?? {});
    return sendResult(reply, result);
  });

  app.get('/api/events', { websocket: true, config: { proof: 'origin', socket: true } satisfies RouteAccess }, (socket, request) => {
    const roles = rolesOf(request);
    const unsubscribe = options.events.subscribe((event, payload) => {
      if (isRpcEventName(event) && mayHear(roles, event)) socket.send(JSON.stringify({ event, payload }));
    });
    socket.on('close', unsubscribe);
    // The screens only listen; anything they send is ignored rather than trusted.
    socket.on('message', () => undefined);
  });

  const giveCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(screens.cookieName, value, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: cookieMaxAgeSeconds });
  const sendPage = (reply: FastifyReply, status = 200) =>
    reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(indexHtml);

  const page = { config: { screen: false, proof: 'none' } satisfies RouteAccess };
  app.get('/', page, (_request, reply) => sendPage(reply));
  app.get('/index.html', page, (_request, reply) => sendPage(reply));
  app.get<{ Querystring: { code?: string } }>(bridgeLaunchPath, page, async (request, reply) => {
    const cookie = screens.redeemLaunchCode(typeof request.query.code === 'string' ? request.query.code : undefined);
    if (cookie) giveCookie(reply, cookie);
    // A spent code in a browser that already holds the cookie (the demo URL opened again) still gets in.
    if (cookie || screens.admits(request.cookies[screens.cookieName])) return reply.code(303).header('location', '/').send();
    // Anyone else gets the page, which says it is not paired and offers the pairing code.
    return sendPage(reply, 401);
  });
  app.post(bridgePairPath, { config: { screen: false, proof: 'header' } satisfies RouteAccess }, async (request, reply) => {
    const parsed = z.object({ code: pairingCodeSchema }).strict().safeParse(request.body);
    if (!parsed.success)
      return sendResult(reply, {
        ok: false,
        error: { code: 'invalid_input', message: 'code: expected the six digits shown on the terminal' },
      });
    const cookie = screens.redeemPairingCode(parsed.data.code);
    if (!cookie) return sendResult(reply, { ok: false, error: { code: 'unauthorized', message: 'wrong or expired pairing code' } });
    giveCookie(reply, cookie);
    return sendResult(reply, { ok: true, result: {} });
  });

  await app.register(async (assets) => {
    // The renderer's files hold no secret: anyone may load them.
    assets.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), screen: false, proof: 'none' } satisfies RouteAccess;
    });
    // A path the file server will not serve (dot segments, doubled slashes) is simply not here.
    assets.setErrorHandler(async (error: { statusCode?: number }, _request, reply) =>
      error.statusCode && error.statusCode < 500
        ? sendResult(reply, { ok: false, error: { code: 'not_found', message: 'no such file' } })
        : sendResult(reply, { ok: false, error: { code: 'internal', message: 'the terminal could not serve the file' } }),
    );
    await assets.register(fastifyStatic, { root: options.rendererDir, index: false, wildcard: true });
  });

  await app.listen({ host: listenHost, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the bridge is not listening on a TCP port');
  // Listening on every address, the terminal's own screen still comes in over loopback.
  const localAddress = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  const shownHost = address.family === 'IPv6' ? `[${localAddress}]` : localAddress;
  const url = `http://${shownHost}:${address.port}/`;
  return {
    url,
    port: address.port,
    routes: routes.map((route) => ({
      method: String(route.method),
      url: route.url,
      websocket: Boolean((route as { websocket?: boolean }).websocket),
      needsScreen: accessOf(route.config).screen,
    })),
    launchUrl: (hash = '') => `${new URL(`${bridgeLaunchPath}?code=${screens.launchCode()}`, url).href}${hash}`,
    close: () => app.close(),
  };
}

/** Why a request that may carry the screen's cookie is not the screen's own page asking, or null. */
function crossSiteRefusal(request: FastifyRequest, proof: 'header' | 'origin' | 'none'): string | null {
  if (proof === 'none') return null;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return `a ${site} request may not use the bridge`;
  const origin = request.headers.origin;
  const ownOrigin = `http://${request.headers.host}`;
  if (proof === 'origin') return origin === ownOrigin ? null : "the events socket is only for the terminal's own page";
  if (origin !== undefined && origin !== ownOrigin) return `a page from ${origin} may not use the bridge`;
  return request.headers[bridgeScreenHeader] === '1' ? null : `a call must carry the ${bridgeScreenHeader} header`;
}

async function readIndexHtml(rendererDir: string): Promise<string> {
  const file = path.join(rendererDir, 'index.html');
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new Error(`the renderer is not built (${file} is missing): run "npm run build"`);
  }
}

function sendResult(reply: FastifyReply, result: RpcResult): FastifyReply {
  return reply.code(result.ok ? 200 : statusByCode[result.error.code]).send(result);
}
