import { mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import { openDatabase } from '../../lib/sqlite/database.js';
import type { IdCardReaderDevice } from '../../main/devices/idCardReaderDevice.js';
import { saveIdentity } from '../../main/sync/identityStore.js';
import { directEnroller, startHallProcess, type HallProcess } from '../support/hallProcess.js';
import { connectInspectedMemory, inspectorUrl, type InspectedMemory } from './inspectedMemory.js';
import { readHallQueue } from '../../hall-config/readHallQueue.js';
import { HallClient } from '../../main/sync/hallClient.js';
import type { TerminalBinding } from '../../main/contract/hallProtocol.js';
import { launchScreen, type ScreenSession } from '../support/screenSession.js';
import { startTestTerminal } from '../support/testTerminal.js';
import { requestsPerAddressPerMinute } from '../../upstream/http/addressRateLimit.js';

/**
 * The kiosk, its clerks and its pings all reach the hall from 127.0.0.1, and the hall limits each address (a
 * 429 would send the kiosk offline and change what is measured). A session makes about five hall requests
 * (1 600 for 300 sessions, pings included); sessions are paced to two thirds of the limit.
 */
const hallRequestsPerSession = 5;
const sessionPaceMs = Math.ceil((60_000 * hallRequestsPerSession) / ((requestsPerAddressPerMinute * 2) / 3));

/** What the soak watches, in MB, counts and bytes. */
export interface SoakSample {
  sessions: number;
  heapMb: number;
  rssMb: number;
  /** Where the RSS is, to tell a leak's kind (not held to a limit): anonymous memory, mapped files, shared memory (SQLite's -shm), and what Buffers hold outside the heap. */
  rssParts: { anonMb: number; fileMb: number; shmemMb: number; externalMb: number };
  openFiles: number;
  sockets: number;
  hubSubscribers: number;
  databaseBytes: number;
  /** The hall process's, after a full collection (through its inspector): held to the same limits. */
  hall: { heapMb: number; rssMb: number };
}

async function call(screen: ScreenSession, method: string, input: unknown = {}): Promise<unknown> {
  const response = await screen.rpc(method, input);
  const body = (await response.json()) as { ok: boolean; result?: unknown; error?: unknown };
  if (response.status !== 200 || !body.ok) throw new Error(`${method} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.result;
}

/** Open descriptors of this process, and how many of them are sockets (Linux /proc). */
async function descriptors(): Promise<{ openFiles: number; sockets: number }> {
  const names = await readdir('/proc/self/fd');
  const targets = await Promise.all(names.map((name) => readlink(`/proc/self/fd/${name}`).catch(() => '')));
  return { openFiles: names.length, sockets: targets.filter((target) => target.startsWith('socket:')).length };
}

/**
 * Drives a kiosk's bridge as its screen does, session after session, with a
 * hall on loopback and the simulated devices: read the card, consent, one
 * lookup, one certificate, one ticket, end. The hall runs in its own process
 * (the built `onewindow hall`), as in a hall, so what is measured is the
 * kiosk's process alone. `sample` is called at the start and after every
 * `every` sessions, after a full garbage collection when the process was
 * started with --expose-gc.
 */
export async function soakKioskSessions(sessions: number, every: number, sample: (sample: SoakSample) => void): Promise<void> {
  // The demo hall hands out 799 numbers of a service a day; 10 000 sessions in one day need a hall as big as
  // the largest: four-digit numbers (the schema allows up to 9999), tickets going round its services.
  const demo = await readHallQueue();
  const queue = {
    ...demo,
    services: demo.services.map((service) => ({
      ...service,
      numbers: { first: 1, last: 2999 },
      offlineNumbers: { first: 3000, last: 3999 },
    })),
  };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-soak-'));
  const hallDb = path.join(dir, 'hall.db');
  await writeFile(path.join(dir, 'queue.json'), JSON.stringify(queue));
  const hall = await startHallProcess(hallDb, dir, { ONEWINDOW_LOG_LEVEL: 'error', NODE_OPTIONS: '--inspect=127.0.0.1:0' }, [
    '--queue',
    path.join(dir, 'queue.json'),
  ]);
  let hallMemory: InspectedMemory | undefined;
  try {
    const inspected = await connectInspectedMemory(await hallInspectorUrl(hall));
    hallMemory = inspected;
    const enroller = await directEnroller(hallDb, dir);
    const enroll = (terminalId: string, binding: TerminalBinding) => enroller.enroll(terminalId, binding, hall.url);
    const services = queue.services.map((service) => service.code);
    // Clerks call each ticket as it comes, as a hall serves its day: the waiting line stays as long as a hall's,
    // where unserved it would hold every ticket of 10 000 sessions and slow each one down by its length.
    const clerks = new Map<string, () => Promise<unknown>>();
    for (const { window, services: served } of queue.windows) {
      const clerk = new HallClient(await enroll(`C-${window}`, { role: 'counter', window }));
      for (const service of served) if (!clerks.has(service)) clerks.set(service, () => clerk.counter(window, { action: 'call-next' }));
    }
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), { ...(await enroll('K-01', { role: 'kiosk' })), hallUrl: hall.url });
    await enroller.close();
    const kiosk = await startTestTerminal(dir, 'demo-kiosk', { upstream: hall.url, hallPingIntervalMs: 200 });
    try {
      const screen = await launchScreen(kiosk.launchUrl());
      const reader = kiosk.host.devices.device<IdCardReaderDevice>('idCardReader')!.simulator!;
      const measure = async (done: number) => {
        const memory = await settledMemory(ownMemory);
        sample({
          sessions: done,
          ...megabytes(memory),
          rssParts: { ...(await rssParts()), externalMb: memory.external / 2 ** 20 },
          ...(await descriptors()),
          hubSubscribers: kiosk.host.events.subscribers,
          databaseBytes: await databaseBytes(kiosk.host.databasePath),
          hall: megabytes(await settledMemory(inspected.read)),
        });
      };
      await waitForQueueServices(screen);
      await measure(0);
      const started = performance.now();
      for (let done = 1; done <= sessions; done += 1) {
        const early = started + (done - 1) * sessionPaceMs - performance.now();
        if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
        reader.insert(demoCards.resident);
        await call(screen, 'citizen.readCard', { waitSeconds: 5 });
        await call(screen, 'citizen.consent');
        await call(screen, 'lookups.run', { lookup: 'insured-status', year: null });
        await call(screen, 'certificates.print', { type: 'insured-status' });
        const service = services[done % services.length]!;
        await call(screen, 'queue.takeTicket', { service, disability: false });
        await call(screen, 'citizen.end');
        reader.remove();
        await clerks.get(service)!();
        if (done % every === 0) await measure(done);
      }
    } finally {
      await kiosk.stop();
    }
  } finally {
    // A process whose inspector still has a client waits for it to go before it exits.
    hallMemory?.close();
    await hall.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const megabytes = (memory: { heapUsed: number; rss: number }) => ({ heapMb: memory.heapUsed / 2 ** 20, rssMb: memory.rss / 2 ** 20 });

/** The hall prints its inspector's address on stderr as it starts, next to the address it serves on stdout. */
async function hallInspectorUrl(hall: HallProcess): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const url = inspectorUrl(hall.output().stderr);
    if (url) return url;
    if (Date.now() > deadline) throw new Error(`the hall printed no inspector address:\n${hall.output().stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Memory as it settles after a session: the lowest of five readings a fifth of a second apart, each after a
 * full collection. Work a session leaves running (the print spooled, the outbox pushed) holds buffers for a
 * moment; one reading caught such a moment 12 MB above the floor, where a leak raises the floor itself.
 */
async function settledMemory(read: () => Promise<NodeJS.MemoryUsage>): Promise<NodeJS.MemoryUsage> {
  let lowest = await read();
  for (let reading = 1; reading < 5; reading += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const memory = await read();
    lowest = {
      ...lowest,
      heapUsed: Math.min(lowest.heapUsed, memory.heapUsed),
      rss: Math.min(lowest.rss, memory.rss),
      external: Math.min(lowest.external, memory.external),
    };
  }
  return lowest;
}

/** This process's memory, after a full collection when it was started with --expose-gc. */
async function ownMemory(): Promise<NodeJS.MemoryUsage> {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
}

/** The process's resident memory by kind, from Linux's /proc/self/smaps_rollup (zeros where there is none). */
async function rssParts(): Promise<{ anonMb: number; fileMb: number; shmemMb: number }> {
  const text = await readFile('/proc/self/smaps_rollup', 'utf8').catch(() => '');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) / 1024;
  return { anonMb: kib('Pss_Anon'), fileMb: kib('Pss_File'), shmemMb: kib('Pss_Shmem') };
}

/**
 * The database's size once its write-ahead log is copied back (a passive
 * checkpoint through a connection of our own): the log itself is reused,
 * not shrunk, so its size says nothing about growth.
 */
async function databaseBytes(file: string): Promise<number> {
  const db = await openDatabase(file);
  try {
    await db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } finally {
    await db.close();
  }
  return (await stat(file)).size;
}

async function waitForQueueServices(screen: ScreenSession): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (((await call(screen, 'queue.overview')) as { services: unknown[] }).services.length === 0) {
    if (Date.now() > deadline)
      throw new Error(
        `the kiosk did not receive the hall queue services within 15 s: ${JSON.stringify(await call(screen, 'queue.overview'))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
