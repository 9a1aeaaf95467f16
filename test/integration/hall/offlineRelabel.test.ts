import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { HallClient } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';
import { printedOffline } from '../../support/printedOffline.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * The rule for a split ticket (the kiosk gave up on a slow hall and printed
 * an offline number under the id the hall had issued online): the printed
 * label wins, whatever the hall did with the ticket meanwhile.
 */
describe.each(hallBackends())('a ticket the hall issued online and the kiosk printed offline, on %s', (backend) => {
  async function setUp() {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const block = await kiosk.leaseBlock('A', 10);
    return {
      hall,
      kiosk,
      other: new HallClient(await hall.enroll('K-02', { role: 'kiosk' })),
      counter: new HallClient(await hall.enroll('C-03', { role: 'counter', window: 3 })),
      block,
    };
  }

  it('waiting: takes the printed label and keeps its place; the online number stays unused', async () => {
    const { hall, kiosk, counter, block } = await setUp();
    const early = await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    const split = await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    const late = await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    expect(split.ticket.label).toBe('A002');

    const pushed = await kiosk.push([printedOffline(split.ticket.id, block, block.first, 1)]);
    expect(pushed.acknowledged).toHaveLength(1);
    // Pushed again (the kiosk never heard the answer): nothing more changes.
    expect((await kiosk.push([printedOffline(split.ticket.id, block, block.first, 2)])).acknowledged).toHaveLength(1);
    expect((await hall.db.all<{ label: string }>('SELECT label FROM queue_ticket ORDER BY label')).map((row) => row.label)).toEqual([
      'A001',
      'A003',
      'A800',
    ]);

    // The offline event says "issued now"; the ticket keeps the place it had since the hall issued it.
    const calls = [];
    for (let index = 0; index < 3; index++) calls.push((await counter.counter(3, { action: 'call-next' })).current);
    expect(calls.map((ticket) => [ticket?.id, ticket?.label])).toEqual([
      [early.ticket.id, 'A001'],
      [split.ticket.id, 'A800'],
      [late.ticket.id, 'A003'],
    ]);
    expect(calls[1]).toMatchObject({ issuedAt: split.ticket.issuedAt, offline: true });
  });

  it('called under the unseen label: stays at its window, now with the printed label', async () => {
    const { kiosk, counter, block } = await setUp();
    const split = await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    expect((await counter.counter(3, { action: 'call-next' })).current?.label).toBe('A001');
    await kiosk.push([printedOffline(split.ticket.id, block, block.first + 1, 1)]);
    expect((await counter.counter(3, { action: 'recall' })).current).toMatchObject({
      id: split.ticket.id,
      label: 'A801',
      status: 'called',
      window: 3,
    });
  });

  it('skipped as a no-show under the unseen label: waits again, since its citizen was never called', async () => {
    const { kiosk, counter, block } = await setUp();
    const split = await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    await counter.counter(3, { action: 'call-next' });
    await counter.counter(3, { action: 'recall' });
    await counter.counter(3, { action: 'recall' });
    expect((await counter.counter(3, { action: 'skip' })).left).toMatchObject({ status: 'no_show', label: 'A001' });
    await kiosk.push([printedOffline(split.ticket.id, block, block.first, 1)]);
    expect((await counter.counter(3, { action: 'call-next' })).current).toMatchObject({ id: split.ticket.id, label: 'A800', recalls: 0 });
  });

  it("refuses a printed label outside the kiosk's blocks, or for a ticket another terminal issued, and changes nothing", async () => {
    const { hall, kiosk, other, block } = await setUp();
    const split = await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    const stranger = await other.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    const refused = await kiosk.push([
      printedOffline(split.ticket.id, block, block.last + 1, 1),
      printedOffline(stranger.ticket.id, block, block.first, 2),
    ]);
    expect(refused.rejected.map((rejection) => rejection.reason)).toEqual([
      expect.stringMatching(/not in a block leased to K-01/),
      expect.stringMatching(/issued to another terminal/),
    ]);
    expect((await hall.db.all<{ label: string }>('SELECT label FROM queue_ticket ORDER BY label')).map((row) => row.label)).toEqual([
      'A001',
      'A002',
    ]);
  });
});
