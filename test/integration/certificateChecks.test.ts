import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import { readCitizenCatalog } from '../../hall-config/readCitizenCatalog.js';
import { openDatabase } from '../../lib/sqlite/database.js';
import type { RpcOutput } from '../../main/contract/rpc.js';
import type { DocumentPrinterDevice } from '../../main/devices/documentPrinterDevice.js';
import type { IdCardReaderDevice } from '../../main/devices/idCardReaderDevice.js';
import { certificatePdf } from '../../main/services/certificates/certificatePdf.js';
import { verifyDocumentText } from '../../main/services/certificates/verifyDocument.js';
import { verificationSchema } from '../../main/contract/citizenServices.js';
import { runCli } from '../support/cliProcess.js';
import { startQueueHall } from '../support/queueHall.js';
import { useTempDirs } from '../support/tempDir.js';
import { startLoopbackHall } from '../support/hallOnLoopback.js';
import { HallClient } from '../../main/sync/hallClient.js';
import type { CertificateContent } from '../../main/contract/citizenServices.js';

const run = promisify(execFile);
const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const textOf = async (file: string) => (await run('pdftotext', ['-layout', file, '-'])).stdout;

describe('checking printed certificates and the audit log', () => {
  it('a printed certificate verifies against its hall; one with an edited figure, or checked against another hall, does not', async () => {
    const queueHall = await startQueueHall();
    cleanups.push(() => queueHall.close());
    const { kiosk, hall } = queueHall;
    kiosk.host.devices.device<IdCardReaderDevice>('idCardReader')!.simulator!.insert(demoCards.resident);
    await kiosk.host.dispatch('citizen.readCard', { waitSeconds: 5 });
    await kiosk.host.dispatch('citizen.consent', {});
    const printed = (await kiosk.host.dispatch('certificates.print', { type: 'pension-payment' })) as {
      ok: true;
      result: RpcOutput<'certificates.print'>;
    };
    const spool = kiosk.host.devices.device<DocumentPrinterDevice>('documentPrinter')!.spool!;
    const [job] = (await readdir(spool.directory, { recursive: true })).filter((name) => name.endsWith('.data'));
    const genuineFile = path.join(spool.directory, job!);

    expect(await verifyDocumentText(await textOf(genuineFile), hall.url)).toEqual({
      genuine: true,
      code: printed.result.code,
      problems: [],
    });
    const cli = await runCli(['certificate', 'verify', genuineFile, '--hall', hall.url]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`genuine: certificate ${printed.result.code}`);

    // A forgery: the real code and signature around a better pension.
    const record = verificationSchema.parse(
      await fetch(`${hall.url}/verify/${printed.result.code}.json`).then((response) => response.json()),
    );
    const monthly = record.content.facts.find((fact) => fact.label.en === 'Monthly pension (CNY)')!;
    const forged = {
      ...record,
      content: { ...record.content, facts: record.content.facts.map((fact) => (fact === monthly ? { ...fact, value: '9999.00' } : fact)) },
    };
    const template = (await readCitizenCatalog()).certificates.find((certificate) => certificate.type === 'pension-payment')!;
    const forgedFile = path.join(await tempDir(), 'forged.pdf');
    await writeFile(forgedFile, await certificatePdf(forged, template, { issuedOn: forged.content.issuedAt.slice(0, 10) }));
    const verdict = await verifyDocumentText(await textOf(forgedFile), hall.url);
    expect(verdict.genuine).toBe(false);
    expect(verdict.problems).toEqual([
      `Monthly pension (CNY): the hall issued "${monthly.value}", which the document does not say (it says "9999.00")`,
    ]);
    const forgedCli = await runCli(['certificate', 'verify', forgedFile, '--hall', hall.url]);
    expect(forgedCli.code).toBe(1);
    expect(forgedCli.stdout).toContain('NOT genuine');

    expect((await verifyDocumentText(await textOf(genuineFile), 'http://127.0.0.1:1')).problems[0]).toMatch(
      /points at http:\/\/127\.0\.0\.1:\d+, not the hall/,
    );
  });

  it('each printed value must be the signed one as a whole: forgeries that extend, shorten, reorder or insert a line are not genuine', async () => {
    const hall = await startLoopbackHall();
    cleanups.push(() => hall.close());
    const client = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const citizen = { idNumber: demoCards.resident.idNumber, name: demoCards.resident.name };
    const catalog = await readCitizenCatalog();
    const check = async (type: 'pension-payment' | 'insured-status', forge: (content: CertificateContent) => CertificateContent) => {
      const issued = await client.issueCertificate({ type, citizen });
      const template = catalog.certificates.find((certificate) => certificate.type === type)!;
      const file = path.join(await tempDir(), `${type}.pdf`);
      await writeFile(
        file,
        await certificatePdf({ ...issued, content: forge(issued.content) }, template, { issuedOn: issued.content.issuedAt.slice(0, 10) }),
      );
      return verifyDocumentText(await textOf(file), hall.url);
    };
    const setFact = (content: CertificateContent, label: string, change: (value: string) => string) => ({
      ...content,
      facts: content.facts.map((fact) => (fact.label.en === label ? { ...fact, value: change(fact.value) } : fact)),
    });

    // The genuine paper passes: the check is not simply stricter than any print.
    expect(await check('pension-payment', (content) => content)).toMatchObject({ genuine: true, problems: [] });
    expect(await check('insured-status', (content) => content)).toMatchObject({ genuine: true, problems: [] });

    const extendedFigure = await check('pension-payment', (content) => setFact(content, 'Monthly pension (CNY)', (value) => `${value}1`));
    expect(extendedFigure.genuine).toBe(false);
    expect(extendedFigure.problems).toEqual([
      expect.stringMatching(
        /^Monthly pension \(CNY\): the hall issued "\d+\.\d\d", which the document does not say \(it says "\d+\.\d\d1"\)$/,
      ),
    ]);

    const extendedName = await check('pension-payment', (content) => ({
      ...content,
      holder: { ...content.holder, name: `${content.holder.name}华` },
    }));
    expect(extendedName).toMatchObject({
      genuine: false,
      problems: [`name: the hall issued "${citizen.name}", which the document does not say (it says "${citizen.name}华")`],
    });

    const shortened = await check('pension-payment', (content) => setFact(content, 'Retired on', (value) => value.slice(0, -1)));
    expect(shortened.genuine).toBe(false);
    expect(shortened.problems).toEqual([expect.stringContaining('Retired on: the hall issued')]);

    const reorderedFacts = await check('insured-status', (content) => ({
      ...content,
      facts: [content.facts[1]!, content.facts[0]!, ...content.facts.slice(2)],
    }));
    expect(reorderedFacts.genuine).toBe(false);
    expect(reorderedFacts.problems).toHaveLength(2);

    const reorderedRows = await check('pension-payment', (content) => ({
      ...content,
      table: { ...content.table!, rows: [...content.table!.rows].reverse() },
    }));
    expect(reorderedRows.genuine).toBe(false);
    expect(reorderedRows.problems[0]).toMatch(/^table row: the hall issued/);

    const insertedRow = await check('pension-payment', (content) => ({
      ...content,
      table: { ...content.table!, rows: [...content.table!.rows, ['2026-04', '9999.00']] },
    }));
    expect(insertedRow).toMatchObject({
      genuine: false,
      problems: ['the document prints a line the hall did not issue: "2026-049999.00"'],
    });

    const insertedFact = await check('insured-status', (content) => ({
      ...content,
      facts: [...content.facts, { label: { 'zh-CN': '补充', en: 'Extra' }, value: '已核准' }],
    }));
    expect(insertedFact).toMatchObject({
      genuine: false,
      problems: ['the document prints a line the hall did not issue: "补充Extra：已核准"'],
    });
  });

  it('onewindow audit verify finds an entry removed from the middle or the end, and an edited one', async () => {
    const queueHall = await startQueueHall();
    cleanups.push(() => queueHall.close());
    const { kiosk } = queueHall;
    kiosk.host.devices.device<IdCardReaderDevice>('idCardReader')!.simulator!.insert(demoCards.resident);
    await kiosk.host.dispatch('citizen.readCard', { waitSeconds: 5 });
    await kiosk.host.dispatch('citizen.consent', {});
    for (const type of ['insured-status', 'medical-insurance', 'pension-payment'] as const) {
      expect(await kiosk.host.dispatch('certificates.print', { type })).toMatchObject({ ok: true });
    }
    const configFile = path.join(path.dirname(path.dirname(kiosk.host.databasePath)), 'demo-kiosk.json');
    const dataDir = path.dirname(kiosk.host.databasePath);
    const verify = () => runCli(['audit', 'verify', '--config', configFile, '--data-dir', dataDir]);
    expect(await verify()).toMatchObject({ code: 0, stdout: expect.stringContaining('is whole: 3 entries') });

    const db = await openDatabase(kiosk.host.databasePath);
    cleanups.push(() => db.close());
    await db.run("UPDATE audit_entry SET detail = replace(detail, 'printed', 'held') WHERE seq = 2");
    expect(await verify()).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('BROKEN at entry 2: entry 2 was changed after it was written'),
    });
    await db.run('DELETE FROM audit_entry WHERE seq = 2');
    expect(await verify()).toMatchObject({ code: 1, stdout: expect.stringContaining('entry 2 is missing') });
    await db.run('DELETE FROM audit_entry WHERE seq = 3');
    expect(await verify()).toMatchObject({ code: 1, stdout: expect.stringContaining('entries were removed from the end') });
  });
});
