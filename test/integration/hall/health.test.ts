import { afterEach, describe, expect, it } from 'vitest';
import { healthPaths, type Heartbeat, type TerminalsOverview } from '../../../main/contract/health.js';
import { HallClient, HallRequestError } from '../../../main/sync/hallClient.js';
import { startAlertReceiver } from '../../support/alertReceiver.js';
import { hallBackends, startLoopbackHall, type LoopbackHallOptions } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function beat(terminalId: string, changes: Partial<Heartbeat> = {}): Heartbeat {
  return {
    terminalId,
    version: '0.1.0',
    uptimeSeconds: 60,
    role: 'kiosk',
    window: null,
    intervalSeconds: 5,
    devices: [{ role: 'receiptPrinter', state: 'ready', detail: null }],
    backlog: { events: 0, oldestAt: null, byType: {} },
    lastPullAt: null,
    configApplied: 0,
    freeDiskBytes: 10_000_000_000,
    freeMemoryBytes: 1_000_000_000,
    screen: 'kiosk/home',
    ...changes,
  };
}

const paperOut = [{ role: 'receiptPrinter' as const, state: 'fault' as const, detail: 'paper_out' as const }];

/** Waits for the hall to have written what a condition asks; fails the test by its own timeout otherwise. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(hallBackends())('terminal health at the hall on %s', (backend) => {
  /** The hall's clock runs `offset` ms ahead of the terminals' (within the signing window), so tests move time without waiting. */
  let offset = 0;
  async function setUp(options: LoopbackHallOptions = {}) {
    offset = 0;
    const hall = await startLoopbackHall(backend, { now: () => Date.now() + offset, healthSweepMs: 50, ...options });
    cleanups.push(() => hall.close());
    const cookie = await hall.staffCookie();
    const overview = async () =>
      (await (await fetch(hall.url + healthPaths.terminals, { headers: { cookie } })).json()) as TerminalsOverview;
    const history = async (id: string) => {
      const response = await fetch(hall.url + healthPaths.history + id, { headers: { cookie } });
      return ((await response.json()) as { changes: { change: unknown }[] }).changes.map((entry) => entry.change);
    };
    return { hall, overview, cookie, history };
  }

  it('keeps the latest beat and the changes only, lists alerting terminals first, and to staff only', async () => {
    const { hall, overview, history } = await setUp();
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const counter = new HallClient(await hall.enroll('C-02', { role: 'counter', window: 2 }));
    await hall.enroll('K-09', { role: 'kiosk' });
    await kiosk.heartbeat(beat('K-01'));
    await kiosk.heartbeat(beat('K-01', { uptimeSeconds: 90 }));
    await kiosk.heartbeat(beat('K-01', { uptimeSeconds: 120, screen: 'kiosk/certificates' }));
    await counter.heartbeat(beat('C-02', { role: 'counter', window: 2, devices: paperOut, screen: 'counter' }));

    expect((await fetch(hall.url + healthPaths.terminals)).status).toBe(401);
    expect((await fetch(hall.url + healthPaths.page)).status).toBe(401);
    const { terminals } = await overview();
    expect(terminals.map((terminal) => [terminal.terminalId, terminal.online, terminal.alerts.length])).toEqual([
      ['C-02', true, 1],
      ['K-09', false, 0],
      ['K-01', true, 0],
    ]);
    expect(terminals[0]).toMatchObject({ role: 'counter', window: 2, screen: 'counter', version: '0.1.0' });
    expect(terminals[0]!.alerts[0]).toMatchObject({ kind: 'device', device: 'receiptPrinter', detail: 'paper_out' });
    expect(terminals[2]).toMatchObject({ uptimeSeconds: 120, screen: 'kiosk/certificates', config: { published: 0, applied: 0 } });
    expect(await history('K-01')).toEqual([{ screen: 'kiosk/certificates' }, { firstBeat: true, version: '0.1.0', screen: 'kiosk/home' }]);
    expect((await fetch(hall.url + healthPaths.history + 'K-01')).status).toBe(401);
  });

  it('lets a terminal beat for itself only', async () => {
    const { hall, overview } = await setUp();
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    await hall.enroll('K-02', { role: 'kiosk' });
    const refused = await kiosk.heartbeat(beat('K-02')).catch((error: HallRequestError) => error);
    expect(refused).toMatchObject({ status: 403, message: 'terminal K-01 may beat for itself only, not for K-02' });
    const bad = await kiosk.heartbeat({ ...beat('K-01'), intervalSeconds: 0 }).catch((error: HallRequestError) => error);
    expect(bad).toMatchObject({ status: 400 });
    expect((bad as HallRequestError).message).toContain('intervalSeconds');
    expect((await overview()).terminals.every((terminal) => terminal.lastBeatAt === null)).toBe(true);
  });

  it('marks a terminal offline after 3 missed beats and back online when it beats again', async () => {
    const { hall, overview, history } = await setUp();
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    await kiosk.heartbeat(beat('K-01'));
    offset = 14_000;
    // Two beats and 4 s missed of a 5 s beat: still online.
    const sweeps = await hall.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM terminal_health WHERE offline_since IS NOT NULL');
    expect(Number(sweeps!.n)).toBe(0);
    offset = 16_000;
    const offline = await until(overview, (view) => view.terminals[0]!.alerts.length > 0);
    expect(offline.terminals[0]).toMatchObject({ online: false, alerts: [{ kind: 'offline' }] });
    await kiosk.heartbeat(beat('K-01'));
    expect((await overview()).terminals[0]).toMatchObject({ online: true, alerts: [] });
    expect(await history('K-01')).toEqual([
      { online: true },
      { online: false },
      { firstBeat: true, version: '0.1.0', screen: 'kiosk/home' },
    ]);
  });

  it('gives each terminal a whole window after a hall restart before calling it offline', async () => {
    const { hall, overview } = await setUp();
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    await kiosk.heartbeat(beat('K-01'));
    await hall.stopServing();
    // The hall was down longer than the terminal's window (3 beats of 5 s): its beats meanwhile were lost, not missed.
    offset = 20_000;
    const restartedAt = Date.now() + offset;
    await hall.start();
    const row = await hall.db.get<{ offline_after: number | string }>(
      "SELECT offline_after FROM terminal_health WHERE terminal_id = 'K-01'",
    );
    expect(Number(row!.offline_after)).toBeGreaterThanOrEqual(restartedAt + 15_000);
    expect((await overview()).terminals[0]).toMatchObject({ online: true, alerts: [] });
  });

  it('calls each webhook once per state change, in order, through a receiver that is down and a hall restart', async () => {
    const receiver = await startAlertReceiver();
    cleanups.push(() => receiver.close());
    const { hall } = await setUp({ alerts: { webhooks: [receiver.url], backlogThreshold: 100, missedBeats: 20 } });
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    await kiosk.heartbeat(beat('K-01'));
    await kiosk.heartbeat(beat('K-01', { devices: paperOut }));
    await kiosk.heartbeat(beat('K-01', { devices: paperOut }));
    await receiver.waitFor(1);

    await receiver.down();
    await kiosk.heartbeat(beat('K-01', { backlog: { events: 150, oldestAt: new Date().toISOString(), byType: {} } }));
    // The backlog alert and the printer's recovery wait in the hall's outbox while the receiver is down, and over a restart.
    await until(
      () => hall.db.get<{ n: number }>('SELECT MAX(attempts) AS n FROM alert_delivery WHERE delivered_at IS NULL'),
      (row) => Number(row?.n) >= 1,
    );
    await hall.stopServing();
    await hall.start();
    await receiver.up();
    offset = 50_000;
    const received = await receiver.waitFor(3);
    await kiosk.heartbeat(beat('K-01', { backlog: { events: 150, oldestAt: new Date().toISOString(), byType: {} } }));
    expect(received.map((message) => [message.event, message.kind, message.detail])).toEqual([
      ['raised', 'device', 'paper_out'],
      ['raised', 'backlog', '150 events waiting'],
      ['recovered', 'device', 'paper_out'],
    ]);
    expect(new Set(received.map((message) => message.id)).size).toBe(3);
    expect(received[0]).toMatchObject({ terminalId: 'K-01', device: 'receiptPrinter', text: 'K-01: receiptPrinter paper_out' });
    const deliveries = await hall.db.all<{ delivered_at: string | null }>('SELECT delivered_at FROM alert_delivery');
    expect(deliveries).toHaveLength(3);
    expect(deliveries.every((row) => row.delivered_at !== null)).toBe(true);
  });
  it('raises a disk alert below the free-disk floor once, shows it, and clears it when space is back', async () => {
    const receiver = await startAlertReceiver();
    cleanups.push(() => receiver.close());
    const { hall, overview } = await setUp({ alerts: { webhooks: [receiver.url], diskFloorMegabytes: 500, missedBeats: 20 } });
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const megabytes = (count: number) => count * 1024 * 1024;
    await kiosk.heartbeat(beat('K-01', { freeDiskBytes: megabytes(600) }));
    await kiosk.heartbeat(beat('K-01', { freeDiskBytes: megabytes(400) }));
    await kiosk.heartbeat(beat('K-01', { freeDiskBytes: megabytes(380) }));
    // Back over the floor but within a tenth of it: the disk is hovering, the alert stands.
    await kiosk.heartbeat(beat('K-01', { freeDiskBytes: megabytes(520) }));
    const [raised] = await receiver.waitFor(1);
    expect(raised).toMatchObject({
      event: 'raised',
      kind: 'disk',
      detail: 'less than 500 MB free',
      text: 'K-01: disk, less than 500 MB free',
    });
    expect((await overview()).terminals[0]!.alerts).toMatchObject([{ kind: 'disk', detail: 'less than 500 MB free' }]);

    await kiosk.heartbeat(beat('K-01', { freeDiskBytes: megabytes(2000) }));
    const received = await receiver.waitFor(2);
    expect((await overview()).terminals[0]!.alerts).toEqual([]);
    await kiosk.heartbeat(beat('K-01', { freeDiskBytes: megabytes(2000) }));
    expect(received.map((message) => [message.event, message.kind])).toEqual([
      ['raised', 'disk'],
      ['recovered', 'disk'],
    ]);
    const deliveries = await hall.db.all<{ body: string }>('SELECT body FROM alert_delivery');
    expect(deliveries).toHaveLength(2);
  });
});
