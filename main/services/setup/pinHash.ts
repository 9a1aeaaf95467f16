import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import type { SetupPinHash } from '../../contract/setupPin.js';

const keyLength = 32;

function derive(pin: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // maxmem: scrypt needs 128·N·r bytes, above Node's 32 MiB default at the strongest parameters allowed.
    scrypt(pin, salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** A random PIN of `digits` digits (6–8), each digit from the CSPRNG. */
export function generatePin(digits: number): string {
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) throw new RangeError('a setup PIN has 6 to 8 digits');
  return Array.from({ length: digits }, () => randomInt(10)).join('');
}

/** The record the hall publishes: scrypt (N = 2^15) with a fresh 16-byte salt. */
export async function hashPin(pin: string, issuedAt: Date = new Date()): Promise<SetupPinHash> {
  const params = { N: 2 ** 15, r: 8, p: 1 };
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, params);
  return { algorithm: 'scrypt', ...params, salt: salt.toString('base64'), hash: hash.toString('base64'), issuedAt: issuedAt.toISOString() };
}

export async function pinMatches(record: SetupPinHash, pin: string): Promise<boolean> {
  const expected = Buffer.from(record.hash, 'base64');
  const offered = await derive(pin, Buffer.from(record.salt, 'base64'), record);
  return offered.length === expected.length && timingSafeEqual(offered, expected);
}
