import { bridgeScreenHeader } from '../../main/contract/bridge.js';

/** A client holding a screen's cookie, as a browser does after opening a launch URL. */
export interface ScreenSession {
  /** The page's base URL (the launch URL's origin). */
  base: string;
  /** `name=value`, as a browser sends it. */
  cookie: string;
  /** What the renderer sends with each call. */
  headers: Record<string, string>;
  rpc(method: string, input?: unknown): Promise<Response>;
}

/** Opens a launch URL the way the terminal's browser does, and keeps the cookie it gives. */
export async function launchScreen(launchUrl: string): Promise<ScreenSession> {
  const response = await fetch(launchUrl, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie');
  if (response.status !== 303 || !setCookie) throw new Error(`the launch URL gave ${response.status} and no cookie`);
  const cookie = setCookie.split(';')[0]!;
  return screenSession(new URL('/', launchUrl).href, cookie);
}

export function screenSession(base: string, cookie: string): ScreenSession {
  const headers = { 'content-type': 'application/json', cookie, [bridgeScreenHeader]: '1' };
  return {
    base,
    cookie,
    headers,
    rpc: (method, input = {}) => fetch(new URL(`api/rpc/${method}`, base), { method: 'POST', headers, body: JSON.stringify(input) }),
  };
}
