import { useEffect, useState } from 'react';
import type { TerminalRole } from '../main/contract/terminal';

export type Route = TerminalRole | 'setup';

/**
 * The screen to show: the terminal's own role, or setup. Other roles' screens
 * are not reachable, so a kiosk cannot be turned into a counter from its URL.
 */
export function routeFor(hash: string, role: TerminalRole): Route {
  const asked = hash.replace(/^#\/?/, '');
  return asked === 'setup' ? 'setup' : role;
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
