import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { healthPaths, type Heartbeat } from '../../main/contract/health.js';
import { hallPaths } from '../../main/contract/hallProtocol.js';
import { HallClient, type TerminalIdentity } from '../../main/sync/hallClient.js';
import { TerminalRegistry } from '../../upstream/identity/terminalRegistry.js';
import { SecretBox } from '../../upstream/identity/secretBox.js';
import { hallKeyFiles } from '../../upstream/storage/hallKeyFiles.js';
import { openHallDatabase } from '../../upstream/storage/openHallDatabase.js';
import { startCli } from '../support/cliProcess.js';
import { startLoopbackHall } from '../support/hallOnLoopback.js';
import { report } from './measure.js';

const terminals = 500;
const beatSeconds = 30;

function beatOf(terminalId: string): Heartbeat {
  return {
    terminalId,
    version: '0.1.0',
    uptimeSeconds: 600,
    role: 'kiosk',
    window: null,
    intervalSeconds: beatSeconds,
    devices: [
      { role: 'idCardReader', state: 'ready', detail: null },
      { role: 'receiptPrinter', state: 'ready', detail: null },
      { role: 'documentPrinter', state: 'ready', detail: null },
    ],
    backlog: { events: 0, oldestAt: null, byType: {} },
    lastPullAt: new Date().toISOString(),
    configApplied: 3,
    freeDiskBytes: 50_000_000_000,
    freeMemoryBytes: 2_000_000_000,
    screen: 'kiosk/home',
  };
}

/** CPU seconds (user + system) the process has used, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Sends `work` for every client, `concurrency` at a time. */
async function each(clients: HallClient[], concurrency: number, work: (client: HallClient) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < clients.length) await work(clients[next++]!);
    }),
  );
}

/**
 * The hall's CPU for 500 terminals beating every 30 s, as a share of one
 * core: the hall runs as `onewindow hall` in its own process, whose CPU time
 * is read from /proc while the beats come in (as fast as they can, then
 * scaled to 500 per 30 s), plus what it uses idle (sweeps, outbox polls).
 * Baseline: the same rate of signed pings, the cheapest signed request.
 */
async function benchHeartbeatCpu(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-health-'));
  const dbFile = path.join(dir, 'hall.db');
  const db = await openHallDatabase(dbFile);
  const registry = new TerminalRegistry(db, undefined, await SecretBox.load(hallKeyFiles(dir).terminalSecrets));
  const identities: Omit<TerminalIdentity, 'hallUrl'>[] = [];
  for (let index = 0; index < terminals; index += 1) {
    const terminalId = `K-${String(index).padStart(3, '0')}`;
    identities.push(await registry.enroll(await registry.issueCode(terminalId, { role: 'kiosk' })));
  }
  await db.close();
  const hall = await startCli(['hall', '--db', dbFile, '--port', '0']);
  const url = hall.urls[0]!.replace(/\/$/, '');
  const pid = hall.child.pid!;
  const clients = identities.map((identity) => new HallClient({ ...identity, hallUrl: url }, 60_000));
  try {
    await each(clients, 8, (client) => client.heartbeat(beatOf(client.terminalId)));
    const idleFrom = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const idleShare = (cpuSeconds(pid) - idleFrom) / 5;
    const rounds = 2;
    const perRequest = async (work: (client: HallClient) => Promise<unknown>) => {
      const from = cpuSeconds(pid);
      for (let round = 0; round < rounds; round += 1) await each(clients, 8, work);
      return (cpuSeconds(pid) - from) / (rounds * terminals);
    };
    const beatCpu = await perRequest((client) => client.heartbeat(beatOf(client.terminalId)));
    const pingCpu = await perRequest((client) => client.ping());
    const rate = terminals / beatSeconds;
    report(
      `hall CPU share of one core, ${terminals} terminals beating every ${beatSeconds} s (incl. ${(idleShare * 100).toFixed(2)} % idle)`,
      (idleShare + beatCpu * rate) * 100,
      `the same rate of signed ${hallPaths.ping}`,
      (idleShare + pingCpu * rate) * 100,
      '%',
    );
  } finally {
    for (const client of clients) client.agent.destroy();
    hall.child.kill('SIGTERM');
    await hall.exited;
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * How long after its last beat the hall marks a terminal offline, against
 * the configured window (3 missed beats of 1 s here; the hall sweeps every
 * second, its default): the ratio is the lateness the sweep adds.
 */
async function benchOfflineDetection(): Promise<void> {
  const hall = await startLoopbackHall('sqlite', { alerts: { webhooks: [], backlogThreshold: 200, missedBeats: 3 }, healthSweepMs: 1000 });
  const cookie = await hall.staffCookie();
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const client = new HallClient(await hall.enroll(`K-OFF${run}`, { role: 'kiosk' }));
    const beat = { ...beatOf(client.terminalId), intervalSeconds: 1 };
    await client.heartbeat(beat);
    const lastBeat = Date.now();
    for (;;) {
      const overview = (await (await fetch(hall.url + healthPaths.terminals, { headers: { cookie } })).json()) as {
        terminals: { terminalId: string; online: boolean; alerts: { kind: string }[] }[];
      };
      const mine = overview.terminals.find((terminal) => terminal.terminalId === client.terminalId)!;
      if (mine.alerts.some((alert) => alert.kind === 'offline')) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    times.push(Date.now() - lastBeat);
    client.agent.destroy();
  }
  times.sort((a, b) => a - b);
  report('time to mark a terminal offline after its last beat (median of 5)', times[2]!, 'configured window (3 × 1 s beats)', 3000);
  await hall.close();
}

export async function benchHeartbeats(): Promise<void> {
  await benchHeartbeatCpu();
  await benchOfflineDetection();
}
