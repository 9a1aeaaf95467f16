import { setupPinKey } from '../../main/contract/setupPin.js';
import type { PullResponse, SyncScope } from '../../main/contract/syncProtocol.js';

/**
 * What of a scope one terminal may read. The `config` scope holds every
 * terminal's settings and setup-PIN hash: a terminal gets the hall-wide ones
 * ('*') and its own, never another terminal's PIN hash. Other scopes are the
 * hall's for every terminal.
 */
export function visibleTo(terminalId: string, scope: SyncScope, key: string): boolean {
  if (scope !== 'config') return true;
  return key === '*' || key === terminalId || key === setupPinKey(terminalId);
}

/** A pull page as one terminal may see it; the cursor still moves past what it may not. */
export function pageFor(terminalId: string, page: PullResponse): PullResponse {
  return { ...page, items: page.items.filter((item) => visibleTo(terminalId, page.scope, item.key)) };
}

/** Scopes whose live deliveries would go to every socket alike, and so must not carry items (terminals pull instead). */
export const personalScopes: ReadonlySet<SyncScope> = new Set(['config']);
