import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { queuePaths } from '../../../main/contract/queue.js';
import { signRequest, signingHeaders } from '../../../lib/requestSigning.js';
import { HallClient, type TerminalIdentity } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A signed call-next as a counter sent it, captured: the same bytes can be sent again to any hall URL. */
function capturedCallNext(counter: TerminalIdentity) {
  const body = JSON.stringify({ window: 3, act: { action: 'call-next' } });
  const timestamp = Date.now();
  const headers = {
    'content-type': 'application/json',
    [signingHeaders.terminal]: counter.terminalId,
    [signingHeaders.timestamp]: String(timestamp),
    [signingHeaders.signature]: signRequest(counter.secret, 'POST', queuePaths.counter, body, timestamp),
  };
  return async (hallUrl: string) => {
    const response = await fetch(new URL(queuePaths.counter, hallUrl), { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as unknown };
  };
}

describe.each(hallBackends())('the replay guard on %s', (backend) => {
  async function setUp() {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    for (let index = 0; index < 3; index += 1) await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    return { hall, counter: await hall.enroll('C-03', { role: 'counter', window: 3 }) };
  }
  const called = (hall: Awaited<ReturnType<typeof setUp>>['hall']) =>
    hall.db.get("SELECT COUNT(*) AS n FROM queue_ticket WHERE status <> 'waiting'");

  it('refuses a signed call-next replayed after the hall restarts on the same database', async () => {
    const { hall, counter } = await setUp();
    const send = capturedCallNext(counter);
    expect((await send(hall.url)).status).toBe(200);
    await hall.stopServing();
    await hall.start();
    expect(await send(hall.url)).toEqual({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'this request was already received' } },
    });
    expect(await called(hall)).toEqual({ n: 1 });
  });

  it('is shared by every hall server on the same database: the second refuses the replay', async () => {
    const { hall, counter } = await setUp();
    const second = await hall.another();
    cleanups.push(() => second.close());
    const send = capturedCallNext(counter);
    expect((await send(hall.url)).status).toBe(200);
    expect((await send(second.url)).status).toBe(401);
    expect(await called(hall)).toEqual({ n: 1 });
  });

  it('forgets signatures once they are older than the replay window', async () => {
    const { hall, counter } = await setUp();
    await hall.db.run('INSERT INTO seen_signature (signature, seen_at) VALUES (?, ?)', ['long-ago', Date.now() - 10 * 60_000]);
    // A hall prunes at most once a replay window; a fresh one prunes on its first signed request.
    await hall.stopServing();
    await hall.start();
    expect((await capturedCallNext(counter)(hall.url)).status).toBe(200);
    expect(await hall.db.get("SELECT COUNT(*) AS n FROM seen_signature WHERE signature = 'long-ago'")).toEqual({ n: 0 });
  });
});
