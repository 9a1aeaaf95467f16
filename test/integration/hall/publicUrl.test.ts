import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCards } from '../../../drivers/id-card/demoCards.js';
import { citizenPaths, issuedCertificateSchema } from '../../../main/contract/citizenServices.js';
import { signRequest, signingHeaders } from '../../../lib/requestSigning.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A signed certificate request whose Host header says what an attacker likes. */
function requestWithHost(url: string, identity: { terminalId: string; secret: string }, host: string): Promise<unknown> {
  const body = JSON.stringify({
    type: 'insured-status',
    citizen: { idNumber: demoCards.resident.idNumber, name: demoCards.resident.name },
  });
  const timestamp = Date.now();
  const headers = {
    host,
    'content-type': 'application/json',
    [signingHeaders.terminal]: identity.terminalId,
    [signingHeaders.timestamp]: String(timestamp),
    [signingHeaders.signature]: signRequest(identity.secret, 'POST', citizenPaths.certificates, body, timestamp),
  };
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(citizenPaths.certificates, url), { method: 'POST', headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve(JSON.parse(text)));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe("a certificate's verification link", () => {
  it('comes from the configured public URL, whatever Host header the request carries', async () => {
    const hall = await startLoopbackHall('sqlite', { publicUrl: 'https://hall.example.gov.cn:8443' });
    cleanups.push(() => hall.close());
    const identity = await hall.enroll('K-01', { role: 'kiosk' });
    const forged = issuedCertificateSchema.parse(await requestWithHost(hall.url, identity, 'evil.example:80'));
    expect(forged.content.verifyUrl).toBe(`https://hall.example.gov.cn:8443/verify/${forged.content.code}`);
  });

  it('defaults to the address the hall listens on, not the Host header', async () => {
    const hall = await startLoopbackHall('sqlite');
    cleanups.push(() => hall.close());
    const identity = await hall.enroll('K-01', { role: 'kiosk' });
    const forged = issuedCertificateSchema.parse(await requestWithHost(hall.url, identity, 'evil.example'));
    expect(forged.content.verifyUrl).toBe(`${hall.url}/verify/${forged.content.code}`);
    const plain = await new HallClient(identity).issueCertificate({
      type: 'insured-status',
      citizen: { idNumber: demoCards.resident.idNumber, name: demoCards.resident.name },
    });
    expect(plain.content.verifyUrl).toBe(`${hall.url}/verify/${plain.content.code}`);
  });
});
