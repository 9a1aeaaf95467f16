import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import type { DocumentPrinterDevice } from '../../main/devices/documentPrinterDevice.js';
import type { IdCardReaderDevice } from '../../main/devices/idCardReaderDevice.js';
import { AuditLog } from '../../main/store/auditLog.js';
import { openDatabase } from '../../lib/sqlite/database.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { createLogger } from '../../lib/logger.js';
import { callHost as call } from '../support/callHost.js';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hall(options: Parameters<typeof startQueueHall>[1] = {}): Promise<QueueHall> {
  const started = await startQueueHall('sqlite', options);
  cleanups.push(() => started.close());
  return started;
}

async function identified(kiosk: RunningTerminal): Promise<void> {
  kiosk.host.devices.device<IdCardReaderDevice>('idCardReader')!.simulator!.insert(demoCards.resident);
  await call(kiosk, 'citizen.readCard', { waitSeconds: 5 });
}

describe('citizen services at the kiosk, against a hall on loopback', () => {
  it('a certificate is issued, signed, printed as a PDF that says who (masked) and how to verify it, and audited', async () => {
    const { kiosk, hall: loopback } = await hall();
    await identified(kiosk);
    await expect(call(kiosk, 'certificates.print', { type: 'pension-payment' })).rejects.toMatchObject({
      error: { code: 'forbidden', reason: 'consent_required' },
    });
    expect((await call(kiosk, 'citizen.consent', {})).citizen).toMatchObject({ maskedName: '王**', consented: true, source: 'card' });

    const printed = await call(kiosk, 'certificates.print', { type: 'pension-payment' });
    expect(printed).toMatchObject({ outcome: 'printed', problem: null });
    const spool = kiosk.host.devices.device<DocumentPrinterDevice>('documentPrinter')!.spool!;
    const jobs = (await readdir(spool.directory, { recursive: true })).filter((name) => name.endsWith('.data'));
    expect(jobs.length).toBe(1);
    const { stdout: text } = await run('pdftotext', ['-layout', path.join(spool.directory, jobs[0]!), '-']);
    expect(text).toContain('养老金领取证明');
    expect(text).toContain('110***********002X');
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain(printed.code);

    const verification = await fetch(`${loopback.url}/verify/${printed.code}`).then((response) => response.text());
    expect(verification).toContain('真实有效');
    expect(verification).toContain('110***********002X');
    expect((await fetch(`${loopback.url}/verify/AAAA-BBBB-CCCC`)).status).toBe(404);

    const db = await openDatabase(kiosk.host.databasePath);
    cleanups.push(() => db.close());
    expect(await new AuditLog(db).verify()).toEqual({ ok: true, entries: 1 });
  });

  it('lookups answer from the back ends as data-driven results, print on the receipt printer, and a slow back end gets a clear message', async () => {
    const { kiosk } = await hall({ backendDelays: { 'medical-insurance': 60_000 } });
    await identified(kiosk);
    await call(kiosk, 'citizen.consent', {});
    const contributions = await call(kiosk, 'lookups.run', { lookup: 'contributions-by-year', year: 2024 });
    expect(contributions.facts[0]).toEqual({ label: { 'zh-CN': '年份', en: 'Year' }, value: '2024' });
    expect(contributions.table?.rows).toHaveLength(12);
    const status = await call(kiosk, 'lookups.run', { lookup: 'citizen-card-status', year: null });
    expect(status.facts.map((fact) => fact.value)).toContain('正常');
    expect(await call(kiosk, 'lookups.print', {})).toEqual({ printed: true, problem: null });

    const slow = await kiosk.host.dispatch('lookups.run', { lookup: 'medical-balance', year: null });
    expect(slow).toMatchObject({
      ok: false,
      error: { code: 'unavailable', reason: 'backend_timeout', params: { system_zh: '医疗保障信息系统', window: 3 } },
    });
    // The kiosk is still usable: another system answers.
    expect((await call(kiosk, 'lookups.run', { lookup: 'insured-status', year: null })).facts).toHaveLength(5);
  });

  it('an e-ID code identifies the citizen through the hall; an unknown one is refused', async () => {
    const { kiosk } = await hall();
    expect((await call(kiosk, 'citizen.scanEid', { code: 'OWEID:demo-eid-chen-shili' })).citizen).toMatchObject({
      maskedName: '陈**',
      source: 'eid',
      consented: false,
    });
    expect(await kiosk.host.dispatch('citizen.scanEid', { code: 'OWEID:nobody-known-here' })).toMatchObject({
      ok: false,
      error: { code: 'refused', reason: 'unknown_eid' },
    });
  });

  it('after the session, nothing of the citizen is in the terminal database, its WAL, or its files', async () => {
    const { kiosk } = await hall();
    await identified(kiosk);
    await call(kiosk, 'citizen.consent', {});
    await call(kiosk, 'certificates.print', { type: 'social-insurance-payment' });
    await call(kiosk, 'lookups.run', { lookup: 'pension-account', year: null });
    await call(kiosk, 'citizen.end', {});
    const dataDir = path.dirname(kiosk.host.databasePath);
    const files = (await readdir(dataDir, { recursive: true })).map((name) => path.join(dataDir, name));
    expect(files.some((file) => file.endsWith('.db-wal'))).toBe(true);
    for (const file of files) {
      const bytes = await readFile(file).catch(() => Buffer.alloc(0));
      for (const card of Object.values(demoCards)) {
        expect(bytes.includes(Buffer.from(card.idNumber)), `${card.idNumber} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(card.idNumber, 'utf16le')), `${card.idNumber} (UTF-16) in ${file}`).toBe(false);
      }
    }
    expect((await call(kiosk, 'citizen.current', {})).citizen).toBeNull();
    await expect(call(kiosk, 'lookups.print', {})).rejects.toMatchObject({ error: { code: 'not_found' } });
  });

  it('a printer that stops holds the certificate: the citizen is told, and the audit log says held', async () => {
    const { kiosk } = await hall();
    await identified(kiosk);
    await call(kiosk, 'citizen.consent', {});
    const printer = kiosk.host.devices.device<DocumentPrinterDevice>('documentPrinter')!;
    await printer.spool!.setState({ enabled: true, reasons: ['media-empty-error'] });
    const printed = await call(kiosk, 'certificates.print', { type: 'insured-status' });
    expect(printed).toMatchObject({ outcome: 'held', problem: 'paper_out', helpWindow: 3 });
    const db = await openDatabase(kiosk.host.databasePath);
    cleanups.push(() => db.close());
    expect(await db.get<{ detail: string }>('SELECT detail FROM audit_entry')).toEqual({
      detail: expect.stringContaining('"outcome":"held"'),
    });
  }, 90_000);

  it('where configured, taking the card out ends the session and tells the screens', async () => {
    const started = await startQueueHall('sqlite', {}, { citizenSession: { endOnCardRemoval: true, idleWarningSeconds: 15 } });
    cleanups.push(() => started.close());
    const { kiosk } = started;
    const ended: unknown[] = [];
    kiosk.host.events.subscribe((event, payload) => event === 'citizen.ended' && ended.push(payload));
    await identified(kiosk);
    expect((await call(kiosk, 'citizen.current', {})).citizen).not.toBeNull();
    kiosk.host.devices.device<IdCardReaderDevice>('idCardReader')!.simulator!.remove();
    await expect.poll(() => ended, { timeout: 5000 }).toEqual([{ reason: 'card_removed' }]);
    expect((await call(kiosk, 'citizen.current', {})).citizen).toBeNull();
  });

  it('logs never carry who the citizen is', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.warn(
      { citizen: { idNumber: demoCards.resident.idNumber, name: '王小明' }, request: { idNumber: demoCards.resident.idNumber } },
      'lookup failed',
    );
    expect(lines.join('')).not.toContain(demoCards.resident.idNumber);
    expect(lines.join('')).not.toContain('王小明');
    expect(lines.join('')).toContain('[redacted]');
  });

  it('without the hall server, booking and lookups say plainly that they need it; the kiosk still issues queue tickets', async () => {
    const started = await hall();
    const { kiosk } = started;
    await identified(kiosk);
    await call(kiosk, 'citizen.consent', {});
    await expect.poll(async () => (await kiosk.host.dispatch('queue.overview', {})).ok).toBe(true);
    await expect
      .poll(() => started.hall.db.get<{ count: number }>("SELECT COUNT(*) AS count FROM queue_block WHERE terminal_id = 'K-01'"), {
        timeout: 10_000,
      })
      .toEqual({ count: 4 });
    await started.hall.stopServing();
    expect(await kiosk.host.dispatch('appointments.slots', { service: 'hall-service' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', reason: 'hall_unreachable' },
    });
    expect(await kiosk.host.dispatch('lookups.run', { lookup: 'insured-status', year: null })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', reason: 'hall_unreachable' },
    });
    expect(await kiosk.host.dispatch('queue.takeTicket', { service: 'A', disability: false })).toMatchObject({
      ok: true,
      result: { ticket: { offline: true } },
    });
  });
});
