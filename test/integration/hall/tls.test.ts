import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { demoCards } from '../../../drivers/id-card/demoCards.js';
import { readCitizenCatalog } from '../../../hall-config/readCitizenCatalog.js';
import { certificatePdf } from '../../../main/services/certificates/certificatePdf.js';
import { verifyDocumentText } from '../../../main/services/certificates/verifyDocument.js';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RpcOutput } from '../../../main/contract/rpc.js';
import { enrollWithHall, HallClient, HallRequestError } from '../../../main/sync/hallClient.js';
import { saveIdentity } from '../../../main/sync/identityStore.js';
import { LiveChannel } from '../../../main/sync/liveChannel.js';
import { makeHallCertificate } from '../../../upstream/http/hallCertificate.js';
import { ChangeLog } from '../../../upstream/sync/changeLog.js';
import { startLoopbackHall } from '../../support/hallOnLoopback.js';
import { recordingLogger } from '../../support/silentLogger.js';
import { startTestTerminal } from '../../support/testTerminal.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const category = (id: string, zh: string, position: number) => ({
  id,
  name: { 'zh-CN': zh, en: id },
  description: { 'zh-CN': zh, en: id },
  position,
});

describe('the hall over HTTPS, its certificate pinned at enrollment', () => {
  it('a pinned terminal pushes, pulls and hears the live channel; a hall with another certificate is refused, naming both fingerprints', async () => {
    const [hallCert, impostorCert] = await Promise.all([
      makeHallCertificate(['127.0.0.1', 'localhost']),
      makeHallCertificate(['127.0.0.1', 'localhost']),
    ]);
    expect(hallCert.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const hall = await startLoopbackHall('sqlite', { tls: hallCert });
    cleanups.push(() => hall.close());
    expect(hall.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

    // Enrolling against the wrong pin sends nothing: the code still works with the right one.
    const code = await hall.registry.issueCode('K-01', { role: 'kiosk' });
    const refused = await enrollWithHall(hall.url, code, impostorCert.fingerprint).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HallRequestError);
    expect((refused as Error).message).toContain(
      `presented a TLS certificate with SHA-256 fingerprint ${hallCert.fingerprint}, not the pinned ${impostorCert.fingerprint}`,
    );
    const identity = await enrollWithHall(hall.url, code, hallCert.fingerprint);
    expect(identity.fingerprint).toBe(hallCert.fingerprint);

    // A real terminal with that identity: pull, live and push all over the pinned connection.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-tls-'));
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), identity);
    const terminal = await startTestTerminal(dir, 'demo-kiosk', {
      upstream: hall.url,
      hallPingIntervalMs: 200,
      services: ['certificates', 'transport'],
    });
    cleanups.push(async () => {
      await terminal.stop();
      await rm(dir, { recursive: true, force: true });
    });
    const hallState = async () =>
      ((await terminal.host.dispatch('status.get', {})) as { ok: true; result: RpcOutput<'status.get'> }).result.hall.state;
    await expect.poll(hallState, { timeout: 10_000 }).toBe('online');
    await new ChangeLog(hall.db).publish('catalogue', new Map([['transport', category('transport', '交通与出行', 0)]]));
    const names = async () => {
      const result = await terminal.host.dispatch('catalogue.categories', {});
      return result.ok ? (result.result as { name: { 'zh-CN': string } }[]).map((entry) => entry.name['zh-CN']) : [];
    };
    await expect.poll(names, { timeout: 10_000 }).toEqual(['交通与出行']);
    // A ticket taken at the hall, once the kiosk has pulled the hall's queue services.
    await expect
      .poll(
        async () =>
          ((await terminal.host.dispatch('queue.overview', {})) as { ok: true; result: RpcOutput<'queue.overview'> }).result.services
            .length,
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    const issued = await terminal.host.dispatch('queue.takeTicket', { service: 'A', disability: false });
    expect(issued).toMatchObject({ ok: true });
    const label = (issued as { ok: true; result: RpcOutput<'queue.takeTicket'> }).result.ticket.label;
    expect(await hall.db.get("SELECT label FROM queue_ticket WHERE issued_by = 'K-01'")).toEqual({ label });
    await expect
      .poll(async () => (await hall.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM terminal_event WHERE terminal_id = 'K-01'"))!.n, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);

    // The same hall URL, but the terminal pinned another certificate (as if an impostor answered there).
    const pinnedElsewhere = new HallClient({ ...identity, fingerprint: impostorCert.fingerprint });
    const pingError = await pinnedElsewhere.ping().catch((error: unknown) => error);
    expect(pingError).toMatchObject({ code: 'fingerprint_mismatch', status: null });
    expect((pingError as Error).message).toBe(
      `the hall server at ${hall.url} presented a TLS certificate with SHA-256 fingerprint ${hallCert.fingerprint}, not the pinned ${impostorCert.fingerprint}: refused (if the hall's certificate was replaced, enroll again with its new fingerprint)`,
    );
    const recorded = recordingLogger();
    let connected = false;
    const live = new LiveChannel({
      client: pinnedElsewhere,
      logger: recorded.logger,
      onConnected: () => (connected = true),
      onChanged: () => undefined,
    });
    live.start();
    await expect
      .poll(() => recorded.lines().map((line) => (line.err as { message?: string } | undefined)?.message ?? ''), { timeout: 5000 })
      .toContainEqual(expect.stringContaining(`not the pinned ${impostorCert.fingerprint}`));
    live.stop();
    expect(connected).toBe(false);

    // Without a pin, the self-signed certificate is not trusted at all.
    const unpinned = await new HallClient({ ...identity, fingerprint: null }).ping().catch((error: unknown) => error);
    expect((unpinned as Error).message).toMatch(/cannot reach the hall server at https:\/\/127\.0\.0\.1:\d+: self[- ]signed certificate/);

    // A certificate printed from this hall verifies against it through the same pin.
    const issuedCertificate = await new HallClient(identity).issueCertificate({
      type: 'insured-status',
      citizen: { idNumber: demoCards.resident.idNumber, name: demoCards.resident.name },
    });
    const template = (await readCitizenCatalog()).certificates.find((certificate) => certificate.type === 'insured-status')!;
    const pdf = path.join(dir, 'certificate.pdf');
    await writeFile(pdf, await certificatePdf(issuedCertificate, template, { issuedOn: issuedCertificate.content.issuedAt.slice(0, 10) }));
    const text = (await promisify(execFile)('pdftotext', ['-layout', pdf, '-'])).stdout;
    expect(await verifyDocumentText(text, hall.url, hallCert.fingerprint)).toEqual({
      genuine: true,
      code: issuedCertificate.content.code,
      problems: [],
    });
  }, 60_000);
});
