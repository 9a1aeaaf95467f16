/**
 * The Content-Security-Policy of the app's pages in Electron, sent as a
 * header with every app:// answer. The renderer talks to its host over IPC,
 * so it needs to connect nowhere but its own origin and, at most, the hall
 * it belongs to; everything else a page could load or send is shut.
 * (The page's own <meta> policy still applies too: a browser enforces both.)
 */
export function contentSecurityPolicy(hallUrl: string | null): string {
  const connect = ["'self'", ...(hallUrl ? [new URL(hallUrl).origin] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes; the bundled CSS is a file of the app.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "media-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
