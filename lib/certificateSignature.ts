import { createPublicKey, verify } from 'node:crypto';

/** Whether `signature` (base64) is the Ed25519 signature of `publicPem`'s key over `text`. */
export function signatureValid(publicPem: string, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text), createPublicKey(publicPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
