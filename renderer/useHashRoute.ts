import { useEffect, useState } from 'react';
import type { TerminalRole } from '../main/contract/terminal';

export type Route = TerminalRole | 'setup' | 'evaluate';

/**
 * The screen to show: the terminal's own role, setup, or (on a counter) the
 * citizen-facing evaluation screen. Other roles' screens are not reachable,
 * so a kiosk cannot be turned into a counter from its URL.
 */
export function routeFor(hash: string, role: TerminalRole): Route {
  const asked = hash.replace(/^#\/?/, '');
  if (asked === 'setup') return 'setup';
  if (asked === 'evaluate' && role === 'counter') return 'evaluate';
  return role;
}

export function useHashRoute(role: TerminalRole): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return routeFor(hash, role);
}
