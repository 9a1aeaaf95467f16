import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkSignature, signingHeaders } from '../../lib/requestSigning.js';
import type { ReplayGuard } from '../identity/replayGuard.js';
import type { StaffAccounts } from '../identity/staffAccounts.js';
import { staffRoleNames, type StaffRole } from '../identity/staffRoles.js';
import type { KnownTerminal, TerminalRegistry } from '../identity/terminalRegistry.js';
import { requireDeclaredAccess, type HallApp } from './hallRoute.js';
import { htmlText } from './htmlText.js';
import { refuse } from './refuse.js';

export const staffCookie = 'ow_staff';

export interface AccessParts {
  registry: TerminalRegistry;
  replays: ReplayGuard;
  staff: StaffAccounts;
  /**
   * When this terminal's slot went away from the box whose secret `signedWith`
   * accepts: the old box is told so rather than only refused; anyone else,
   * knowing only the id, learns nothing.
   */
  replacedAt: (terminalId: string, signedWith: (secret: string) => boolean) => Promise<string | null>;
  now: () => number;
}

/**
 * Lets a request through to the route it MATCHED only when that route's
 * declared access allows it. The route, not the URL text, decides: however
 * the path was spelled, it reached this route and gets this route's check.
 * A request that matched no route gets fastify's 404 and nothing else.
 */
export function guardAccess(app: HallApp, parts: AccessParts): void {
  requireDeclaredAccess(app);
  app.decorateRequest('caller', null);
  app.decorateRequest('staff', null);
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    if (!access) return refuse(reply, 403, 'forbidden', 'this route declares no access');
    if ('staff' in access) return letStaffIn(request, reply, parts.staff, access.staff);
    if ('halls' in access) return refuse(reply, 403, 'forbidden', 'a route for halls is served by a district centre, not by a hall');
    const terminal = await verifySignature(request, reply, parts);
    if (!terminal) return;
    if (!access.roles.includes(terminal.role)) {
      return refuse(
        reply,
        403,
        'forbidden',
        `the ${terminal.role} role (terminal ${terminal.terminalId}) may not call ${request.method} ${request.routeOptions.url}: only ${access.roles.join(' or ')}`,
      );
    }
    request.caller = terminal;
  });
}

/** Lets in a logged-in member of staff holding one of the roles `needed`; otherwise 401 (log in) or 403 (naming the roles). */
export async function letStaffIn(request: FastifyRequest, reply: FastifyReply, staff: StaffAccounts, needed: readonly StaffRole[]) {
  const token = request.cookies[staffCookie];
  const user = token ? await staff.sessionUser(token) : null;
  if (user && user.roles.some((role) => needed.includes(role))) {
    request.staff = user.username;
    return;
  }
  const page = request.routeOptions.config.doc?.html;
  if (user) {
    const why = `staff ${user.username} (${user.roles.join(', ') || 'no role'}) may not ${request.method} ${request.routeOptions.url}: only ${needed.join(' or ')}`;
    if (!page) return refuse(reply, 403, 'forbidden', why);
    return reply
      .code(403)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>无权访问 · Not allowed</title><main><h1>无权访问 · Not allowed</h1><p>您的账号无权查看此页面（需要：${needed.map((role) => staffRoleNames[role]).join('或')}）。</p><p>${htmlText(why)}</p><p><a href="/login">换个账号登录 · Log in as someone else</a></p></main>`,
      );
  }
  if (page) {
    return reply
      .code(401)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>请先登录 · Log in first</title><main><h1>请先登录 · Log in first</h1><p><a href="/login">工作人员登录 · Staff login</a></p></main>',
      );
  }
  return refuse(reply, 401, 'unauthorized', 'log in as hall staff first: /login');
}

/**
 * The terminal that signed this request (signature over the path it sent, as
 * it sent it); null once refused. A terminal seen before is checked against
 * what the registry remembers, and the replay guard's one write confirms that
 * row is still current; when it is not (or the signature does not match what
 * was remembered), the terminal is looked up afresh and checked once more.
 */
async function verifySignature(request: FastifyRequest, reply: FastifyReply, parts: AccessParts) {
  const terminalId = request.headers[signingHeaders.terminal];
  const signature = request.headers[signingHeaders.signature];
  if (typeof terminalId !== 'string' || typeof signature !== 'string')
    return void refuse(reply, 401, 'unauthorized', 'the request is not signed');
  const remembered = parts.registry.remembered(terminalId);
  if (remembered) {
    const verdict = await admit(request, signature, remembered, parts);
    if (verdict === 'admitted') return callerOf(remembered);
    if (verdict === 'stale') return void refuseStale(reply);
  }
  const known = await parts.registry.find(terminalId);
  if (!known) return void (await refuseUnknown(request, reply, terminalId, parts, 'unknown or revoked terminal'));
  const verdict = await admit(request, signature, known, parts);
  if (verdict === 'stale') return void refuseStale(reply);
  if (verdict === 'bad-signature') return void (await refuseUnknown(request, reply, terminalId, parts, 'bad signature'));
  if (verdict === 'no-role') {
    return void refuse(
      reply,
      403,
      'forbidden',
      `terminal ${terminalId} was enrolled before terminals had roles: enroll it again with a code from "onewindow hall enroll-code --role ROLE"`,
    );
  }
  if (verdict === 'seen') return void refuse(reply, 401, 'unauthorized', 'this request was already received');
  return callerOf(known);
}

type Verdict = 'admitted' | 'stale' | 'bad-signature' | 'no-role' | 'seen';

/** The signature of a request as it came (its path as sent, its raw body) checked against `secret`. */
export const signatureCheck = (request: FastifyRequest, signature: string, secret: string, now: number) =>
  checkSignature(
    secret,
    {
      method: request.method,
      path: request.url,
      body: request.rawBody,
      timestamp: Number(request.headers[signingHeaders.timestamp]),
      signature,
    },
    now,
  );

async function admit(request: FastifyRequest, signature: string, signer: KnownTerminal, { replays, now }: AccessParts): Promise<Verdict> {
  const check = signatureCheck(request, signature, signer.secret, now());
  if (check !== 'ok') return check;
  if (!signer.role) return 'no-role';
  return (await replays.firstUse(signature, now(), signer)) ? 'admitted' : 'seen';
}

const callerOf = (terminal: KnownTerminal) => ({ terminalId: terminal.terminalId, role: terminal.role!, window: terminal.window });

/**
 * A box whose slot went to a new box signs with a revoked secret: it is told
 * it was replaced (code `replaced`), so its screen can say so and a
 * technician knows to take it away or enroll it again. Only a request signed
 * with that old secret is told.
 */
async function refuseUnknown(request: FastifyRequest, reply: FastifyReply, terminalId: string, parts: AccessParts, otherwise: string) {
  const signature = String(request.headers[signingHeaders.signature]);
  const replacedAt = await parts.replacedAt(terminalId, (secret) => signatureCheck(request, signature, secret, parts.now()) === 'ok');
  if (replacedAt === null) return refuse(reply, 401, 'unauthorized', otherwise);
  return refuse(
    reply,
    401,
    'replaced',
    `terminal ${terminalId} was replaced by another box at ${replacedAt}: this box's secret is revoked (take it away, or enroll it again with a new code)`,
  );
}

const refuseStale = (reply: FastifyReply) =>
  refuse(reply, 401, 'unauthorized', 'the request time is outside the replay window (check the terminal clock)');
