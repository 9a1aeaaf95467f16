import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a terminal signs its requests to the hall server, and how the hall
 * checks them: HMAC-SHA256 with the terminal's secret over the method, the
 * path, the body's hash and the time. Both sides import this one definition.
 */
export const signingHeaders = {
  terminal: 'x-ow-terminal',
  timestamp: 'x-ow-timestamp',
  signature: 'x-ow-signature',
} as const;

/** How far a request's time may be from the hall's clock, either way. */
export const replayWindowMs = 60_000;

export function canonicalRequest(method: string, path: string, body: string, timestamp: number): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return `${method.toUpperCase()}\n${path}\n${bodyHash}\n${timestamp}`;
}

export function signRequest(secret: string, method: string, path: string, body: string, timestamp: number): string {
  return createHmac('sha256', secret)
    .update(canonicalRequest(method, path, body, timestamp))
    .digest('base64url');
}

export type SignatureCheck = 'ok' | 'stale' | 'bad-signature';

export function checkSignature(
  secret: string,
  request: { method: string; path: string; body: string; timestamp: number; signature: string },
  now: number,
): SignatureCheck {
  if (!Number.isFinite(request.timestamp) || Math.abs(now - request.timestamp) > replayWindowMs) return 'stale';
  const expected = Buffer.from(signRequest(secret, request.method, request.path, request.body, request.timestamp));
  const offered = Buffer.from(request.signature);
  return expected.length === offered.length && timingSafeEqual(expected, offered) ? 'ok' : 'bad-signature';
}
