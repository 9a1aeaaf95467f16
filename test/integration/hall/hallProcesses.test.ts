import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallBoard } from '../../../main/contract/queue.js';
import type { TerminalBinding } from '../../../main/contract/hallProtocol.js';
import { HallClient, type TerminalIdentity } from '../../../main/sync/hallClient.js';
import { saveIdentity } from '../../../main/sync/identityStore.js';
import type { RunningTerminal } from '../../../main/cli/runTerminal.js';
import { runCli } from '../../support/cliProcess.js';
import { startFailoverProxy } from '../../support/failoverProxy.js';
import { freshHallStore, hallBackends } from '../../support/hallOnLoopback.js';
import { directEnroller, startHallProcess, type HallProcess } from '../../support/hallProcess.js';
import { startTestTerminal } from '../../support/testTerminal.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh PostgreSQL database for one hall, dropped after the test. */
async function postgresHall(dir: string): Promise<string> {
  const store = await freshHallStore('postgres', dir);
  cleanups.push(store.drop);
  return store.location;
}

async function hallProcess(db: string, keyDir: string): Promise<HallProcess> {
  const hall = await startHallProcess(db, keyDir);
  cleanups.push(() => hall.stop());
  return hall;
}

describe.skipIf(!hallBackends().includes('postgres'))('the hall server on PostgreSQL, as the onewindow command runs it', () => {
  it('serves and manages a hall on a postgres:// URL: staff, enrollment, revocation, catalogue', async () => {
    const dir = await tempDir();
    const db = await postgresHall(dir);
    const noKeys = await runCli(['hall', '--db', db, '--port', '0']);
    expect(noKeys.code).toBe(2);
    expect(noKeys.stderr).toContain('--key-dir DIR is required with a PostgreSQL database');

    const staff = await runCli(['hall', 'staff', 'add', '--db', db, '--user', 'supervisor', '--role', 'supervisor,technician']);
    expect(staff.stderr).toBe('');
    const password = /password (\S+)/.exec(staff.stdout)![1]!;
    const hall = await hallProcess(db, dir);
    const login = await fetch(`${hall.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'supervisor', password }),
      redirect: 'manual',
    });
    expect(login.status).toBe(303);

    const code = (await runCli(['hall', 'enroll-code', '--db', db, '--terminal', 'K-21', '--role', 'kiosk'])).stdout.trim();
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    const config = path.join(dir, 'k21.json');
    await writeFile(config, JSON.stringify({ terminalId: 'K-21', hallId: 'h', role: 'kiosk', upstream: hall.url, dataDir: 'data' }));
    expect((await runCli(['enroll', '--hall', hall.url, '--code', code, '--config', config])).stdout).toContain(
      `enrolled K-21 with ${hall.url}`,
    );
    expect((await runCli(['hall', 'revoke', '--db', db, '--terminal', 'K-21'])).stdout).toContain('K-21 revoked');
    const catalogue = ['hall', 'catalogue', 'publish', '--db', db, '--dir', path.resolve('kiosk-config/catalogue')];
    expect((await runCli(catalogue)).stdout).toContain('published 6 categories (6 changes)');
    expect((await runCli(['hall', 'config', 'set', '--db', db, '--terminal', '*', '--json', '{"idleTimeoutSeconds":60}'])).code).toBe(0);
    expect((await runCli(['hall', 'setup-pin', '--db', db, '--terminal', 'K-21'])).stdout.trim()).toMatch(/^\d{8}$/);
  }, 240_000);

  it('two hall processes serve one hall: a call on one shows on a display of the other, and when one dies its terminals go on with the other', async () => {
    const dir = await tempDir();
    const db = await postgresHall(dir);
    const [first, second] = [await hallProcess(db, dir), await hallProcess(db, dir)];
    // The processes share nothing but the database: each change reaches the others by NOTIFY at its commit.
    const listener = new pg.Client({ connectionString: db });
    await listener.connect();
    cleanups.push(() => listener.end());
    let notified = 0;
    listener.on('notification', () => (notified += 1));
    await listener.query('LISTEN onewindow_change');

    // Load balancers in active/backup: the counter's prefers the first process, the display's the second.
    const toFirst = await startFailoverProxy([first.url, second.url]);
    const toSecond = await startFailoverProxy([second.url, first.url]);
    cleanups.push(toFirst.close, toSecond.close);
    const enroller = await directEnroller(db, dir);
    cleanups.push(enroller.close);
    const terminal = async (profile: string, id: string, binding: TerminalBinding, hallUrl: string): Promise<RunningTerminal> => {
      const home = path.join(dir, id);
      await mkdir(path.join(home, 'data'), { recursive: true });
      const identity: TerminalIdentity = await enroller.enroll(id, binding, hallUrl);
      await saveIdentity(path.join(home, 'data'), identity);
      const running = await startTestTerminal(home, profile, { upstream: hallUrl, hallPingIntervalMs: 200 });
      cleanups.push(() => running.stop());
      return running;
    };
    const counter = await terminal('demo-counter', 'C-03', { role: 'counter', window: 3 }, toFirst.url);
    const display = await terminal('demo-display', 'D-01', { role: 'display' }, toSecond.url);
    const kiosk = new HallClient(await enroller.enroll('K-01', { role: 'kiosk' }, toSecond.url));
    const issued: string[] = [];
    for (let index = 0; index < 3; index += 1)
      issued.push((await kiosk.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null })).ticket.id);

    const board = async () => {
      const answer = await display.host.dispatch('queue.board', {});
      return answer.ok ? (answer.result as HallBoard).calls.map((call) => call.ticketId) : [];
    };
    const callNext = async () => {
      const answer = await counter.host.dispatch('counter.act', { act: { action: 'call-next' } });
      return answer.ok ? ((answer.result as { current: { id: string } | null }).current?.id ?? null) : null;
    };
    const called = [await callNext()];
    expect(called[0]).toBe(issued[0]);
    await expect.poll(board, { timeout: 10_000 }).toEqual([issued[0]]);
    expect(notified).toBeGreaterThan(0);

    // The display's process dies: its live channel and the kiosk reach the first process through their balancer.
    expect(await second.stop('SIGKILL')).toBe(null);
    // A kept-alive connection to the dead process fails once; the kiosk sends the same ticket again, as it does.
    const again = { id: ulid(), service: 'A', priority: null, appointmentAt: null } as const;
    const reissued = await kiosk.issueTicket(again).catch(() => kiosk.issueTicket(again));
    issued.push(reissued.ticket.id);
    for (let index = 1; index < issued.length; index += 1) {
      called.push(await callNext());
      await expect.poll(async () => (await board())[0], { timeout: 15_000 }).toBe(called.at(-1));
    }
    // Every ticket issued, on either process, called once and in order: nothing lost, nothing twice.
    expect(called).toEqual(issued);
    expect(await callNext()).toBe(null);
  }, 180_000);
});
