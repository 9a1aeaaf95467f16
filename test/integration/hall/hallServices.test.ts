import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAppointments } from '../../../hall-config/readAppointments.js';
import { readCitizenCatalog } from '../../../hall-config/readCitizenCatalog.js';
import { readConvenience } from '../../../hall-config/readConvenience.js';
import type { RunningTerminal } from '../../../main/cli/runTerminal.js';
import { openDatabase } from '../../../lib/sqlite/database.js';
import { saveIdentity } from '../../../main/sync/identityStore.js';
import { callHost } from '../../support/callHost.js';
import { hallBackends, startLoopbackHall, type LoopbackHall, type LoopbackHallOptions } from '../../support/hallOnLoopback.js';
import { startTestTerminal } from '../../support/testTerminal.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A kiosk in its own folder; `restart` stops it and starts it again on the same store. */
async function kioskOf(hall: LoopbackHall | null): Promise<{ kiosk: () => RunningTerminal; restart: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-offer-'));
  await mkdir(path.join(dir, 'data'));
  if (hall) await saveIdentity(path.join(dir, 'data'), await hall.enroll('K-01', { role: 'kiosk' }));
  // Without a hall: one it is not enrolled with, at an address where nothing answers (the demo profile's own is embedded).
  const start = () => startTestTerminal(dir, 'demo-kiosk', { upstream: hall ? hall.url : 'http://127.0.0.1:9' });
  let kiosk = await start();
  cleanups.push(async () => {
    await kiosk.stop();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    kiosk: () => kiosk,
    restart: async () => {
      await kiosk.stop();
      kiosk = await start();
    },
  };
}

describe.each(hallBackends())('what the hall offers comes from the hall, on %s', (backend) => {
  it("a kiosk offers the hall's certificates, lookups, appointments and convenience choices; an edit at the hall reaches it live", async () => {
    const shipped = { catalog: await readCitizenCatalog(), appointments: await readAppointments(), convenience: await readConvenience() };
    // This hall's files differ from the ones the terminal was shipped with.
    const options: LoopbackHallOptions = structuredClone(shipped);
    options.catalog!.certificates[0]!.title = { 'zh-CN': '本大厅的参保证明', en: "This hall's insurance certificate" };
    options.catalog!.lookups = options.catalog!.lookups.slice(0, 3);
    options.appointments!.services = options.appointments!.services.slice(0, 1);
    options.convenience!.complaintTopics = options.convenience!.complaintTopics.slice(0, 2);
    const hall = await startLoopbackHall(backend, options);
    cleanups.push(() => hall.close());
    const terminal = await kioskOf(hall);
    const kiosk = terminal.kiosk();

    await expect
      .poll(async () => (await callHost(kiosk, 'citizenServices.menu', {}).catch(() => null))?.certificates[0]?.title, { timeout: 15_000 })
      .toEqual(options.catalog!.certificates[0]!.title);
    const menu = await callHost(kiosk, 'citizenServices.menu', {});
    expect(menu.lookups.map((lookup) => lookup.id)).toEqual(options.catalog!.lookups.map((lookup) => lookup.id));
    expect((await callHost(kiosk, 'appointments.services', {})).map((service) => service.id)).toEqual(
      options.appointments!.services.map((service) => service.id),
    );
    expect(await callHost(kiosk, 'convenience.options', {})).toEqual(options.convenience);

    // The hall's file is edited and the hall restarted: the running kiosk takes the change, and its screens are told.
    const told: string[] = [];
    kiosk.host.events.subscribe((event) => told.push(event));
    options.convenience = { ...options.convenience!, complaintTopics: shipped.convenience.complaintTopics.slice(0, 1) };
    await hall.stopServing();
    await hall.start();
    await expect
      .poll(async () => (await callHost(kiosk, 'convenience.options', {})).complaintTopics, { timeout: 15_000 })
      .toEqual(shipped.convenience.complaintTopics.slice(0, 1));
    expect(told).toContain('hallServices.changed');

    // Kept in the terminal's store: after a restart away from the hall, it still offers what the hall last sent.
    await hall.stopServing();
    await terminal.restart();
    const again = terminal.kiosk();
    expect((await callHost(again, 'citizenServices.menu', {})).certificates[0]!.title).toEqual(options.catalog!.certificates[0]!.title);
    expect(await callHost(again, 'convenience.options', {})).toEqual(options.convenience);
  });
});

describe('a terminal whose stored copy it cannot read', () => {
  it('still starts, and says that item has not come yet rather than failing', async () => {
    const terminal = await kioskOf(null);
    // As an older version might have stored it: not what this version's schema reads (written beside the running host).
    const db = await openDatabase(terminal.kiosk().host.databasePath);
    await db.run('INSERT INTO hall_service_item (item_key, value) VALUES (\'convenience-forms\', \'{"districts":"not a list"}\')');
    await db.close();
    await terminal.restart();
    expect(await terminal.kiosk().host.dispatch('convenience.options', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining("has not yet received the hall's convenience-forms") },
    });
  });
});

describe('a terminal that never reached its hall', () => {
  it("says it has not received the hall's services yet, rather than offering the files it was shipped with", async () => {
    const kiosk = (await kioskOf(null)).kiosk();
    for (const method of ['citizenServices.menu', 'appointments.services', 'convenience.options'] as const) {
      expect(await kiosk.host.dispatch(method, {})).toMatchObject({
        ok: false,
        error: {
          code: 'unavailable',
          message: expect.stringMatching(/has not yet received the hall's [a-z-]+: it comes with the first pull/),
        },
      });
    }
  });
});
