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
