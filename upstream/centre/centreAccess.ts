import type { FastifyReply, FastifyRequest } from 'fastify';
import { replayWindowMs, signingHeaders } from '../../lib/requestSigning.js';
import type { Database } from '../../lib/sqlite/database.js';
import { letStaffIn, signatureCheck } from '../http/accessGuard.js';
import { requireDeclaredAccess, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import type { StaffAccounts } from '../identity/staffAccounts.js';
import type { CentreHalls } from './centreHalls.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The enrolled hall that signed this request. */
    hallId: string | null;
  }
}

export interface CentreAccessParts {
  db: Database;
  halls: CentreHalls;
  staff: StaffAccounts;
  now: () => number;
}

/**
 * The centre's access, decided on the route that matched as at a hall:
 * public, the centre's staff by role, or an enrolled hall whose request is
 * signed with its secret, within the replay window and never seen before.
 * A terminal's route cannot exist here: no terminal enrolls with a centre.
 */
export function guardCentreAccess(app: HallApp, parts: CentreAccessParts): void {
  requireDeclaredAccess(app);
  app.decorateRequest('hallId', null);
  app.decorateRequest('staff', null);
  app.decorateRequest('caller', null);
  let prunedAt = 0;
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    if (access && 'staff' in access) return letStaffIn(request, reply, parts.staff, access.staff);
    if (!access || !('halls' in access)) return refuse(reply, 403, 'forbidden', 'terminals report to their hall, not to the centre');
    const hallId = request.headers[signingHeaders.terminal];
    const signature = request.headers[signingHeaders.signature];
    if (typeof hallId !== 'string' || typeof signature !== 'string') return refuse(reply, 401, 'unauthorized', 'the request is not signed');
    const hall = await parts.halls.find(hallId);
    if (!hall) return refuse(reply, 401, 'unauthorized', 'unknown hall: enroll it with a code from "onewindow centre enrol-code"');
    const now = parts.now();
    const check = signatureCheck(request, signature, hall.secret, now);
    if (check === 'stale')
      return refuse(reply, 401, 'unauthorized', 'the request time is outside the replay window (check the hall clock)');
    if (check !== 'ok') return refuse(reply, 401, 'unauthorized', 'bad signature');
    if (now - prunedAt > replayWindowMs) {
      prunedAt = now;
      await parts.db.run('DELETE FROM seen_signature WHERE seen_at < ?', [now - 2 * replayWindowMs]);
    }
    // Only while the hall's secret is still the one checked against: a hall enrolled again meanwhile is looked up afresh next time.
    const first = await parts.db.run(
      `INSERT INTO seen_signature (signature, seen_at) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM centre_hall WHERE id = ? AND secret = ?)
       ON CONFLICT (signature) DO NOTHING`,
      [signature, now, hall.hallId, hall.sealed],
    );
    if (first.changes !== 1) return refuse(reply, 401, 'unauthorized', 'this request was already received');
    request.hallId = hall.hallId;
  });
}
