import type { RpcHandlers, RpcMethodName } from '../../contract/rpc.js';
import type { CitizenSession } from './citizenSession.js';

/** Calls that belong to a citizen's session: each one is the citizen still at the screen. */
export function isSessionCall(method: RpcMethodName): boolean {
  return (
    /^(citizen|citizenServices|certificates|lookups|appointments|convenience)\./.test(method) ||
    method === 'queue.takeTicket' ||
    method === 'queue.remindByPhone'
  );
}

/**
 * Restarts the host's idle clock before and after each session call (a
 * certificate that takes a while to print is activity until it is done).
 * The touch before runs first, so a call that comes after the deadline finds
 * the session already ended instead of keeping it alive.
 */
export function withSessionActivity(handlers: RpcHandlers, session: CitizenSession): RpcHandlers {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = { ...handlers };
  for (const method of Object.keys(handlers) as RpcMethodName[]) {
    if (!isSessionCall(method)) continue;
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    wrapped[method] = async (input: unknown) => {
      session.touch();
      try {
        return await handler(input);
      } finally {
        session.touch();
      }
    };
  }
  return wrapped as RpcHandlers;
}
