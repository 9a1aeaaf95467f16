import { z } from 'zod';

/**
 * A TLS certificate's SHA-256 fingerprint as `onewindow hall tls-cert` and
 * openssl print it: 32 bytes in hex, with or without colons, any case.
 * Normalised to node's `fingerprint256` form (AB:CD:…), which is compared.
 */
export const tlsFingerprintSchema = z
  .string()
  .trim()
  .transform((text) =>
    text
      .replace(/^sha-?256[:=]?\s*/i, '')
      .replace(/:/g, '')
      .toUpperCase(),
  )
  .refine((hex) => /^[0-9A-F]{64}$/.test(hex), 'expected a SHA-256 fingerprint: 64 hex digits, colons allowed')
  .transform((hex) => hex.match(/../g)!.join(':'));

/** How many hex digits of a fingerprint a technician types at least when joining by hand: 64 bits, beyond any forgery. */
export const fingerprintStartDigits = 16;

/**
 * The start of a fingerprint, typed on a terminal's keypad from the hall's
 * page: the terminal then pins the whole fingerprint of the certificate the
 * hall presents, once it begins so. Hex digits, colons and spaces allowed.
 */
export const tlsFingerprintStartSchema = z
  .string()
  .transform((text) => text.replace(/[\s:]/g, '').toUpperCase())
  .refine((hex) => new RegExp(`^[0-9A-F]{${fingerprintStartDigits},64}$`).test(hex), {
    error: `expected the first ${fingerprintStartDigits} (or more) hex digits of the hall's certificate fingerprint`,
  });
