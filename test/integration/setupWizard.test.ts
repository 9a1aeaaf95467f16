import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import { IdCardSimulator } from '../../drivers/id-card/idCardSimulator.js';
import { ReceiptPrinterSimulator } from '../../drivers/receipt-printer/receiptPrinterSimulator.js';
import { openPtyPair } from '../../drivers/serial/ptyPair.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';
import { loadTerminalConfig } from '../../kiosk-config/loadTerminalConfig.js';
import { encodeEnrollmentPayload } from '../../main/contract/terminalSlot.js';
import { extraSerialEnv } from '../../main/devices/wizardDiscovery.js';
import { SetupWizard } from '../../main/services/setup/wizard/setupWizard.js';
import { ChangeLog } from '../../upstream/sync/changeLog.js';
import { TerminalSlots } from '../../upstream/terminals/terminalSlots.js';
import { makeHallCertificate } from '../../upstream/http/hallCertificate.js';
import { terminalSlotsPage } from '../../upstream/terminals/terminalSlotsPage.js';
import { startLoopbackHall } from '../support/hallOnLoopback.js';
import { recordingLogger } from '../support/silentLogger.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  delete process.env[extraSerialEnv];
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A pty whose far end is served by `serve` (or by nothing: a port that answers nothing). */
async function ptyDevice(serve?: (port: Awaited<ReturnType<typeof openSerialBytePort>>) => { close(): void }) {
  const pty = await openPtyPair();
  const port = await openSerialBytePort({ path: pty.simulatorPath, baudRate: 115200 });
  const served = serve?.(port);
  cleanups.push(async () => {
    served?.close();
    await port.close();
    await pty.close();
  });
  return pty.devicePath;
}

describe('the first-start setup wizard', () => {
  it('joins the hall by its QR payload, finds the reader among decoy ports and the printer on TCP, tests both live, and writes a valid config', async () => {
    const hall = await startLoopbackHall('sqlite');
    cleanups.push(() => hall.close());
    const slots = new TerminalSlots(hall.db, new ChangeLog(hall.db), hall.registry, async () => ['certificates', 'appointments']);
    const code = await slots.create({
      terminalId: 'K-21',
      role: 'kiosk',
      window: null,
      settings: { services: ['certificates'], idleTimeoutSeconds: 60, locale: 'zh-CN' },
    });

    const silent = await ptyDevice();
    // A decoy that answers every byte with noise: neither a SAM frame nor an ESC/POS status byte.
    const noisy = await ptyDevice((port) => {
      const stop = port.onData(() => void port.write(Buffer.from('ERR\r\n')));
      return { close: stop };
    });
    const reader = await ptyDevice((port) => {
      const simulator = new IdCardSimulator(port);
      simulator.insert(demoCards.resident);
      return simulator;
    });
    const printer = await ReceiptPrinterSimulator.start();
    cleanups.push(() => printer.stop());
    process.env[extraSerialEnv] = [silent, noisy, reader].join(':');

    const dir = await tempDir();
    const configFile = path.join(dir, 'terminal.json');
    let started = 0;
    const wizard = new SetupWizard({
      configFile,
      dataDir: path.join(dir, 'data'),
      logger: recordingLogger().logger,
      onConfigured: async () => void (started += 1),
    });
    await expect(wizard.join('not a hall code')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await wizard.join(encodeEnrollmentPayload({ hall: hall.url, fingerprint: null, code }))).toEqual({
      terminalId: 'K-21',
      role: 'kiosk',
      window: null,
      hall: hall.url,
    });

    const found = await wizard.discover([`127.0.0.1:${printer.port}`]);
    const answered = found.proposals.filter((proposal) => proposal.answered);
    expect(answered).toEqual([
      {
        role: 'idCardReader',
        port: `serial:${reader}`,
        why: { code: 'card-on-reader', detail: reader },
        answered: true,
      },
      {
        role: 'receiptPrinter',
        port: `tcp://127.0.0.1:${printer.port}`,
        why: { code: 'escpos-status', detail: `127.0.0.1:${printer.port}` },
        answered: true,
      },
    ]);
    expect(found.probed).toEqual(
      expect.arrayContaining([
        { port: `serial:${silent}`, finding: { code: 'answers-neither', detail: silent } },
        { port: `serial:${noisy}`, finding: { code: 'answers-neither', detail: noisy } },
      ]),
    );

    expect(await wizard.test({ role: 'idCardReader', port: `serial:${reader}` })).toMatchObject({ ok: true });
    expect(await wizard.test({ role: 'receiptPrinter', port: `tcp://127.0.0.1:${printer.port}` })).toMatchObject({ ok: true });
    const text = printer.receipts
      .at(-1)!
      .lines.map((line) => line.text)
      .join('\n');
    expect(text).toContain('终端 Terminal K-21');
    expect(await wizard.test({ role: 'ledDisplay', port: `serial:${silent}` })).toMatchObject({ ok: false });

    // A binding that failed is saved only when the technician confirms it with a reason.
    const bindings = [
      { role: 'idCardReader' as const, port: `serial:${reader}` },
      { role: 'receiptPrinter' as const, port: `tcp://127.0.0.1:${printer.port}` },
      { role: 'ledDisplay' as const, port: `serial:${silent}` },
    ];
    await expect(wizard.finish('en', bindings)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('ledDisplay'),
    });
    expect(started).toBe(0);
    await wizard.finish('en', [...bindings.slice(0, 2), { ...bindings[2]!, confirmedFailing: 'LED arrives next week' }]);
    expect(started).toBe(1);

    const { config } = await loadTerminalConfig(configFile);
    expect(config).toMatchObject({
      terminalId: 'K-21',
      role: 'kiosk',
      locale: 'en',
      upstream: hall.url,
      devices: {
        idCardReader: { port: `serial:${reader}` },
        receiptPrinter: { port: `tcp://127.0.0.1:${printer.port}` },
        ledDisplay: { port: `serial:${silent}`, address: 1 },
      },
    });
    expect(await readdir(dir)).toEqual(['data', 'terminal.json']);
    expect(JSON.parse(await readFile(path.join(dir, 'data', 'K-21.identity.json'), 'utf8'))).toMatchObject({
      terminalId: 'K-21',
      hallUrl: hall.url,
    });
    expect(wizard.state().unconfigured).toBe(false);
  }, 60_000);

  it('joins a hall on https by its address, code and the first 16 digits of its fingerprint typed by hand, pinning the whole; wrong digits are refused', async () => {
    const certificate = await makeHallCertificate(['127.0.0.1', 'localhost']);
    const hall = await startLoopbackHall('sqlite', { tls: certificate });
    cleanups.push(() => hall.close());
    const slots = new TerminalSlots(hall.db, new ChangeLog(hall.db), hall.registry, async () => ['certificates']);
    const slot = {
      role: 'kiosk' as const,
      window: null,
      settings: { services: ['certificates'], idleTimeoutSeconds: 60, locale: 'zh-CN' as const },
    };
    const code = await slots.create({ terminalId: 'K-22', ...slot });
    const dir = await tempDir();
    const wizard = new SetupWizard({
      configFile: path.join(dir, 'terminal.json'),
      dataDir: path.join(dir, 'data'),
      logger: recordingLogger().logger,
      onConfigured: async () => undefined,
    });
    const digits = certificate.fingerprint.replace(/:/g, '');
    const wrong = `${digits.slice(0, 15)}${digits[15] === '0' ? '1' : '0'}`;
    // As typed on the keypad: the address without its scheme, the https box ticked, the digits read off the hall's page.
    const typed = (start: string) => encodeEnrollmentPayload({ hall: hall.url, fingerprint: null, fingerprintStart: start, code });
    await expect(wizard.join(typed(wrong))).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringContaining(`presented a certificate whose fingerprint begins ${digits.slice(0, 16)}, not ${wrong}`),
    });
    await expect(wizard.join(typed(digits.slice(0, 12)))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('first 16'),
    });
    expect(await wizard.join(typed(digits.slice(0, 16).toLowerCase()))).toMatchObject({ terminalId: 'K-22', hall: hall.url });
    const identity = JSON.parse(await readFile(path.join(dir, 'data', 'K-22.identity.json'), 'utf8')) as { fingerprint: string };
    expect(identity.fingerprint).toBe(certificate.fingerprint);
    // What the hall's page tells the technician to type: the address and the digits, grouped by four.
    const payload = encodeEnrollmentPayload({ hall: hall.url, fingerprint: certificate.fingerprint, code });
    const page = terminalSlotsPage([], [], ['certificates'], { created: { terminalId: 'K-22', code, payload, qrSvg: '<svg></svg>' } });
    expect(page).toContain(`<code data-address>${new URL(hall.url).host}</code>`);
    expect(page).toContain(`<code data-fingerprint-start>${digits.slice(0, 16).match(/..../g)!.join(' ')}</code>`);
  });
});
