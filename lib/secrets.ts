import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL-safe secret: bridge tokens, setup tokens. */
export function createSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Compares secrets in constant time, so timing does not reveal how much of a guess was right. */
export function secretsEqual(expected: string, offered: string | undefined): boolean {
  if (offered === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(offered);
  return a.length === b.length && timingSafeEqual(a, b);
}
