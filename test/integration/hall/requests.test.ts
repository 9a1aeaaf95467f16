import { afterEach, describe, expect, it } from 'vitest';
import { HallClient, HallRequestError } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const citizen = { idNumber: '11010519491231002X', name: '王小明' };

describe.each(hallBackends())('convenience requests at the hall on %s', (backend) => {
  it('numbers requests per day without gaps or repeats, dispatches by topic, and refuses a place it does not know', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const complaints = await Promise.all(
      // Each differs (the phone): two identical signed requests in one millisecond are one request replayed.
      Array.from({ length: 8 }, (_, index) =>
        kiosk.submitRequest({
          citizen,
          request: { kind: 'complaint', topic: 'noise', district: 'xicheng', street: 0, phone: `1380013800${index}` },
        }),
      ),
    );
    expect(complaints.map((receipt) => receipt.reference.slice(-4)).sort()).toEqual([
      '0001',
      '0002',
      '0003',
      '0004',
      '0005',
      '0006',
      '0007',
      '0008',
    ]);
    expect(complaints[0]!.department['zh-CN']).toBe('生态环境局');
    const refused = await kiosk
      .submitRequest({ citizen, request: { kind: 'home-visit', reason: 'elderly', district: 'xicheng', street: 9, phone: '13800138000' } })
      .catch((error: unknown) => error as HallRequestError);
    expect(refused).toMatchObject({ status: 400, code: 'unknown_place' });
    expect((await kiosk.progress(complaints[0]!.reference)).steps[1]!.name['zh-CN']).toBe('已派发至生态环境局');
    expect(await kiosk.progress('999999').catch((error: unknown) => (error as HallRequestError).code)).toBe('unknown_number');
  });
});
