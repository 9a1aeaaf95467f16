import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

export interface HallCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as terminals pin it (AB:CD:…). */
  fingerprint: string;
}

/**
 * A self-signed certificate for a hall on its LAN: an ECDSA P-256 key, the
 * hall's names and addresses as subject alternative names. Terminals do not
 * trust it through a CA but by its fingerprint, pinned at enrollment.
 */
export async function makeHallCertificate(hosts: readonly string[], now = new Date(), validYears = 5): Promise<HallCertificate> {
  const notAfterDate = new Date(now);
  notAfterDate.setUTCFullYear(notAfterDate.getUTCFullYear() + validYears);
  // Loaded here, not with the command line: only `hall tls-cert` needs it.
  const { generate } = await import('selfsigned');
  const made = await generate([{ name: 'commonName', value: hosts[0] ?? 'onewindow-hall' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((host) => (isIP(host) ? { type: 7 as const, ip: host } : { type: 2 as const, value: host })),
      },
    ],
  });
  return { cert: made.cert, key: made.private, fingerprint: fingerprintOf(made.cert) };
}

/** The SHA-256 fingerprint of a PEM certificate, as node's TLS sockets report it. */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}
