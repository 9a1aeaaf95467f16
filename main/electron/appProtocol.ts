import type { Protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The app's own origin, app://terminal, instead of file://: a page from
 * file:// may read any file the user can, and every file:// page shares one
 * origin. app:// serves the built renderer's folder and nothing else, with
 * the Content-Security-Policy on every answer.
 */
export const appScheme = 'app';
const appHost = 'terminal';
/** The one page of the app; routes are its hash. */
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

/** Before `ready`: app:// behaves like https (an origin of its own, secure context, fetch). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Whether `url` is on the app's origin (app://terminal). */
export function isAppOrigin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** The file under `root` that an app:// URL names, or null when it names anything else (another host, a path leaving root). */
export function appFileFor(root: string, url: string): string | null {
  if (!isAppOrigin(url)) return null;
  let relative: string;
  try {
    // Dot segments are resolved by the URL parser; encoded ones (%2e%2e%2f) only after decoding, so look again here.
    relative = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.sep}${relative}`);
  return inside(root, file) ? file : null;
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(path.resolve(root), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Answers app:// requests from `root` (dist/renderer), each answer carrying `csp`; 404 for anything outside root or missing. */
export function appRequestHandler(root: string, csp: string): (request: Request) => Promise<Response> {
  const headers = (type: string) => ({ 'content-type': type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' });
  const notFound = () => new Response('not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  return async (request) => {
    const file = appFileFor(root, request.url);
    if (!file || request.method !== 'GET') return notFound();
    try {
      // A symbolic link inside root must not lead out of it either.
      if (!inside(await realpath(root), await realpath(file))) return notFound();
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: headers(contentTypes[path.extname(file)] ?? 'application/octet-stream') });
    } catch {
      return notFound();
    }
  };
}

/** After `ready`: serves app:// from `root`. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, root: string, csp: string): void {
  protocol.handle(appScheme, appRequestHandler(root, csp));
}
