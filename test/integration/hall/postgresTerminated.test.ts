import pg from 'pg';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { HallClient } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.skipIf(!hallBackends().includes('postgres'))('a hall on PostgreSQL whose connections the server closes', () => {
  it('goes on serving: an idle connection ended by a PostgreSQL restart or an administrator does not end the hall process', async () => {
    const hall = await startLoopbackHall('postgres');
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });

    // As a restart or `pg_terminate_backend` does: every connection of the hall's database, idle ones included.
    const admin = new pg.Client({ connectionString: process.env.ONEWINDOW_TEST_POSTGRES_URL });
    await admin.connect();
    cleanups.push(() => admin.end());
    const database = new URL(hall.location).pathname.slice(1);
    const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
    expect(rowCount).toBeGreaterThan(0);
    // The server's notice reaches the idle connections on their sockets; give it a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const issued = await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
    expect(issued.ticket.label).toBe('A002');
  });
});
