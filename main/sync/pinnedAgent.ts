import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

/** The hall presented a certificate other than the one pinned at enrollment. */
export class FingerprintMismatch extends Error {
  constructor(
    readonly origin: string,
    readonly expected: string,
    readonly presented: string,
  ) {
    super(
      `the hall server at ${origin} presented a TLS certificate with SHA-256 fingerprint ${presented}, not the pinned ${expected}: refused (if the hall's certificate was replaced, enroll again with its new fingerprint)`,
    );
    this.name = 'FingerprintMismatch';
  }
}

/**
 * An HTTPS agent that trusts exactly one certificate: the one whose SHA-256
 * fingerprint the terminal pinned at enrollment. A self-signed hall
 * certificate is accepted only through that pin; the socket is handed to the
 * request only after the check, so nothing is sent to another server.
 */
class PinnedAgent extends https.Agent {
  constructor(private readonly fingerprint: string) {
    super({ keepAlive: true });
  }

  override createConnection(
    options: tls.ConnectionOptions & { host?: string; port?: number },
    callback: (error: Error | null, socket?: Duplex) => void,
  ): undefined {
    const origin = `https://${options.host ?? 'localhost'}:${options.port ?? 443}`;
    // The CA chain is not what is trusted here, the pin is: checked below before any byte is written.
    const socket = tls.connect({ ...options, rejectUnauthorized: false });
    const failed = (error: Error) => callback(error);
    socket.once('error', failed);
    socket.once('secureConnect', () => {
      socket.off('error', failed);
      const presented = socket.getPeerCertificate().fingerprint256 ?? 'none';
      if (presented !== this.fingerprint) {
        socket.destroy();
        callback(new FingerprintMismatch(origin, this.fingerprint, presented));
        return;
      }
      callback(null, socket);
    });
    return undefined;
  }
}

/**
 * The SHA-256 fingerprint of the certificate the HTTPS server at `hallUrl`
 * presents, read before anything is sent: a terminal joining by hand pins it
 * when it begins as the technician typed from the hall's page.
 */
export function presentedFingerprint(hallUrl: string, timeoutMs = 10_000): Promise<string> {
  const url = new URL(hallUrl);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port || 443),
      servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.destroy();
      if (fingerprint) resolve(fingerprint);
      else reject(new Error(`the hall server at ${url.origin} presented no certificate`));
    });
    socket.once('timeout', () => socket.destroy(new Error(`the hall server at ${url.origin} did not answer within ${timeoutMs / 1000} s`)));
    socket.once('error', (error) => reject(new Error(`cannot reach the hall server at ${url.origin}: ${error.message}`, { cause: error })));
  });
}

/** The agent for requests to `hallUrl`: pinned for HTTPS with a fingerprint, the default verification otherwise. */
export function hallAgent(hallUrl: string, fingerprint: string | null | undefined): http.Agent {
  if (new URL(hallUrl).protocol !== 'https:') return new http.Agent({ keepAlive: true });
  return fingerprint ? new PinnedAgent(fingerprint) : new https.Agent({ keepAlive: true });
}

export interface HallResponse {
  status: number;
  text: string;
}

/** One request over `agent` (node's http/https, which the pin needs: fetch cannot check a certificate before sending). */
export function requestOver(
  agent: http.Agent,
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
): Promise<HallResponse> {
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { method: init.method, headers: init.headers, agent, ...(init.signal ? { signal: init.signal } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}
