import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { HallClient, HallRequestError } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';
import type { SmsGateway } from '../../../upstream/queue/smsGateway.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('SMS reminders on %s', (backend) => {
  it('texts once when 3 are ahead, keeps the number only until the ticket ends, and refuses a bad number or a ticket that no longer waits', async () => {
    const sent: { phone: string; text: string }[] = [];
    const gateway: SmsGateway = { send: async (phone, text) => void sent.push({ phone, text }) };
    const hall = await startLoopbackHall(backend, { smsGateway: gateway });
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const counter = new HallClient(await hall.enroll('C-03', { role: 'counter', window: 3 }));
    const tickets = [];
    for (let index = 0; index < 6; index += 1)
      tickets.push((await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null })).ticket);
    const mine = tickets.at(-1)!;
    await kiosk.remindByPhone(mine.id, '13800138000');
    const phones = () => hall.db.all<{ phone: string }>('SELECT phone FROM ticket_phone');
    expect(await phones()).toEqual([{ phone: '13800138000' }]);
    // Each change is checked after it commits; a ping later, the check has run (one at a time, in order).
    const settle = async () => {
      for (
        let tries = 0;
        tries < 50 && (await hall.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM ticket_phone WHERE notified = 0'))!.n > 0;
        tries += 1
      )
        await new Promise((resolve) => setTimeout(resolve, 20));
    };

    await counter.counter(3, { action: 'call-next' });
    expect(sent).toEqual([]);
    await counter.counter(3, { action: 'call-next' });
    await settle();
    expect(sent).toEqual([{ phone: '13800138000', text: `【政务服务大厅】您的 ${mine.label} 号前面还有 3 人，请回到大厅留意叫号。` }]);
    await counter.counter(3, { action: 'call-next' });
    expect(sent).toHaveLength(1);

    // Called, then finished: the number is gone from the hall.
    for (let index = 0; index < 3; index += 1) await counter.counter(3, { action: 'call-next' });
    expect(await phones()).toEqual([{ phone: '13800138000' }]);
    await counter.counter(3, { action: 'finish' });
    for (let tries = 0; tries < 50 && (await phones()).length > 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await phones()).toEqual([]);

    const refusal = (error: unknown) => error as HallRequestError;
    expect(await kiosk.remindByPhone(mine.id, '13800138000').catch(refusal)).toMatchObject({ status: 409, code: 'ticket_not_waiting' });
    expect(await kiosk.remindByPhone(tickets[0]!.id, '12345').catch(refusal)).toMatchObject({ status: 400 });
    expect((await kiosk.remindByPhone(tickets[0]!.id, '12345').catch(refusal)).message).toContain('phone');
  });
});
