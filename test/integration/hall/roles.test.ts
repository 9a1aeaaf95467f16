import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { HallClient, HallRequestError } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const refusal = (call: Promise<unknown>) =>
  call.then(
    () => null,
    (error: HallRequestError) => ({ status: error.status, code: error.code, message: error.message }),
  );

describe.each(hallBackends())('terminal roles at the hall on %s', (backend) => {
  async function setUp() {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    return {
      hall,
      kiosk: new HallClient(await hall.enroll('K-01', { role: 'kiosk' })),
      counter3: new HallClient(await hall.enroll('C-03', { role: 'counter', window: 3 })),
      display: new HallClient(await hall.enroll('D-01', { role: 'display' })),
    };
  }
  const ticket = () => ({ id: ulid(), service: 'A', priority: null, appointmentAt: null });

  it("refuses a kiosk's signature on a counter's act, with the reason", async () => {
    const { hall, kiosk } = await setUp();
    await kiosk.issueTicket(ticket());
    expect(await refusal(kiosk.counter(3, { action: 'call-next' }))).toEqual({
      status: 403,
      code: 'forbidden',
      message: 'the kiosk role (terminal K-01) may not call POST /api/v1/queue/counter: only counter',
    });
    expect(await hall.db.get("SELECT COUNT(*) AS n FROM queue_ticket WHERE status = 'waiting'")).toEqual({ n: 1 });
  });

  it('lets a counter act on its own window only', async () => {
    const { hall, kiosk, counter3 } = await setUp();
    await kiosk.issueTicket(ticket());
    expect(await refusal(counter3.counter(5, { action: 'call-next' }))).toEqual({
      status: 403,
      code: 'forbidden',
      message: 'the counter role (terminal C-03) serves window 3 and may not act on window 5',
    });
    expect(await refusal(counter3.counter(5, { action: 'pause', reason: 'meal' }))).toMatchObject({ status: 403 });
    expect(await hall.db.get("SELECT COUNT(*) AS n FROM queue_ticket WHERE status = 'waiting'")).toEqual({ n: 1 });
    expect((await counter3.counter(3, { action: 'call-next' })).current?.label).toBe('A001');
  });

  it('keeps a display to pulling, listening and ping', async () => {
    const { display } = await setUp();
    expect(await refusal(display.issueTicket(ticket()))).toEqual({
      status: 403,
      code: 'forbidden',
      message: 'the display role (terminal D-01) may not call POST /api/v1/queue/tickets: only kiosk',
    });
    expect(
      await refusal(display.lookup({ lookup: 'insured-status', year: null, citizen: { idNumber: '11010519491231002X', name: '王小明' } })),
    ).toMatchObject({ status: 403 });
    expect(await display.ping()).toMatchObject({ terminalId: 'D-01' });
    expect((await display.changes('queue', 0)).scope).toBe('queue');
  });

  it("lets a counter look up a citizen's appointments (after F8) but not book one", async () => {
    const { counter3 } = await setUp();
    const citizen = { idNumber: '11010519491231002X', name: '王小明' };
    expect(await counter3.myAppointments(citizen)).toEqual([]);
    expect(await refusal(counter3.slots('hall-service'))).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('refuses a terminal enrolled before roles existed until it enrolls again with a role', async () => {
    const { hall, kiosk } = await setUp();
    await hall.db.run("UPDATE terminal SET role = NULL WHERE id = 'K-01'");
    expect(await refusal(kiosk.ping())).toMatchObject({
      status: 403,
      message: expect.stringContaining('enrolled before terminals had roles'),
    });
    const again = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    expect(await again.ping()).toMatchObject({ terminalId: 'K-01' });
  });
});
