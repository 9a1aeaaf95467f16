import { performance } from 'node:perf_hooks';
import { hallPaths } from '../../main/contract/hallProtocol.js';
import { signRequest, signingHeaders } from '../../lib/requestSigning.js';
import { startLoopbackHall } from '../support/hallOnLoopback.js';
import { report } from './measure.js';

const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * A signed request to the hall (signature checked, terminal and role looked
 * up, signature recorded in the database's replay guard) against a public
 * unsigned route of the same hall (GET /login, a fixed page): what signing
 * and the durable replay guard cost a round trip. Target: at most 2×. The
 * two alternate, so a busy machine slows both alike.
 */
export async function benchSignedRoundTrip(): Promise<void> {
  const hall = await startLoopbackHall();
  const { terminalId, secret } = await hall.enroll('K-SIGN', { role: 'kiosk' });
  // Signed as HallClient signs, without its answer checks: the figure is what signing costs, not zod.
  const signedCall = async () => {
    const timestamp = Date.now();
    const headers = {
      [signingHeaders.terminal]: terminalId,
      [signingHeaders.timestamp]: String(timestamp),
      [signingHeaders.signature]: signRequest(secret, 'GET', hallPaths.ping, '', timestamp),
    };
    const response = await fetch(`${hall.url}${hallPaths.ping}`, { headers });
    if (response.status !== 200) throw new Error(`ping answered ${response.status}`);
    return response.text();
  };
  const unsignedCall = async () => (await fetch(`${hall.url}/login`)).text();
  for (let index = 0; index < 20; index += 1) await Promise.all([signedCall(), unsignedCall()]);
  const signed: number[] = [];
  const unsigned: number[] = [];
  for (let index = 0; index < 400; index += 1) {
    signed.push(await timed(signedCall));
    unsigned.push(await timed(unsignedCall));
  }
  report('hall signed GET ping with the durable replay guard (median)', median(signed), 'public unsigned GET /login', median(unsigned));
  await hall.close();
}
