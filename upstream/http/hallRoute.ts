import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { TerminalRole } from '../../main/contract/terminal.js';
import type { StaffRole } from '../identity/staffRoles.js';
import { refuseInput } from './refuse.js';

export type HallApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>;

/**
 * Who may call a route: anyone (`public`), a logged-in member of the hall's
 * staff holding one of the staff roles named, an enrolled terminal of one
 * of the terminal roles named, its request signed, or (on a district centre
 * only) an enrolled hall, its request signed.
 */
export type HallAccess = 'public' | { staff: readonly StaffRole[] } | { roles: readonly TerminalRole[] } | { halls: 'enrolled' };

/** The enrolled terminal a signed request came from. */
export interface Caller {
  terminalId: string;
  role: TerminalRole;
  /** The counter's window; null for kiosks and displays. */
  window: number | null;
}

/** What /docs says of a route; the schemas are also what the route checks its input with. */
export interface RouteDoc {
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Answers with an HTML page rather than JSON. */
  html?: boolean;
  websocket?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: HallAccess;
    doc?: RouteDoc;
  }
  interface FastifyInstance {
    /** Every route of the hall, as registered. */
    hallRoutes: readonly RegisteredRoute[];
  }
  interface FastifyRequest {
    caller: Caller | null;
    staff: string | null;
  }
}

type CallerOf<A extends HallAccess> = A extends { roles: readonly TerminalRole[] } ? Caller : null;

export interface RouteInput<A extends HallAccess, B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  caller: CallerOf<A>;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface HallRoute<A extends HallAccess, B extends z.ZodType, Q extends z.ZodType> extends Omit<
  RouteDoc,
  'body' | 'query' | 'websocket'
> {
  method: 'GET' | 'POST';
  url: string;
  access: A;
  body?: B;
  query?: Q;
  /** A tighter limit than the hall's global one (@fastify/rate-limit), for routes worth guessing at. */
  rateLimit?: { max: number; timeWindow: string };
  /** A smaller body limit than the server's, in bytes: a body is read before the access check. */
  bodyLimit?: number;
  handler(input: RouteInput<A, z.output<B>, z.output<Q>>): unknown;
}

const namesRoles = (access: object, key: 'roles' | 'staff') => {
  const roles = (access as Record<string, unknown>)[key];
  return Array.isArray(roles) && roles.length > 0;
};

const accessIsDeclared = (access: unknown): access is HallAccess =>
  access === 'public' ||
  (typeof access === 'object' &&
    access !== null &&
    (namesRoles(access, 'roles') || namesRoles(access, 'staff') || (access as { halls?: unknown }).halls === 'enrolled'));

/** A route as fastify registered it (HEAD ones too), with its declared access. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: HallAccess;
}

/**
 * Makes a route without a declared access impossible: registering one
 * throws. Added before any route, so it sees every one (plugins' too), and
 * lists them as `app.hallRoutes`.
 */
export function requireDeclaredAccess(app: HallApp): void {
  const routes: RegisteredRoute[] = [];
  app.decorate('hallRoutes', routes);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!accessIsDeclared(access))
      throw new Error(`hall route ${String(route.method)} ${route.url} declares no access: register it with hallRoute()`);
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access });
  });
}

/** Registers a hall route: its access and description go into the route's config, where the access guard and /docs read them. */
export function hallRoute<A extends HallAccess, B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  app: HallApp,
  route: HallRoute<A, B, Q>,
): void {
  const { method, url, access, handler, rateLimit, bodyLimit, ...doc } = route;
  app.route({
    method,
    url,
    ...(bodyLimit ? { bodyLimit } : {}),
    config: { access, doc, ...(rateLimit ? { rateLimit } : {}) },
    handler: async (request, reply) => {
      const body = route.body ? route.body.safeParse(request.body) : ({ success: true, data: request.body } as const);
      if (!body.success) return refuseInput(reply, body.error);
      const query = route.query ? route.query.safeParse(request.query) : ({ success: true, data: request.query } as const);
      if (!query.success) return refuseInput(reply, query.error);
      return handler({
        body: body.data as z.output<B>,
        query: query.data as z.output<Q>,
        params: request.params as Record<string, string>,
        caller: request.caller as CallerOf<A>,
        request,
        reply,
      });
    },
  });
}

/** A WebSocket route: the upgrade request passes the same access guard as any other. */
export function hallSocket<A extends HallAccess>(
  app: HallApp,
  route: { url: string; access: A; summary: string; handler(socket: WebSocket, caller: CallerOf<A>): void },
): void {
  app.route({
    method: 'GET',
    url: route.url,
    websocket: true,
    config: { access: route.access, doc: { summary: route.summary, websocket: true } },
    handler: (socket, request) => route.handler(socket, request.caller as CallerOf<A>),
  });
}
