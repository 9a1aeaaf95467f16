// Run by `npm test` before anything else: names what the machine lacks instead of failing a hundred tests later.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { commandOnPath } from '../../lib/commandOnPath.js';
import { chromiumPath } from '../../playwright.config.js';
import { missingReport, type Requirement } from './systemRequirements.js';

function sharedLibrary(soname: string): boolean {
  try {
    return execFileSync('/sbin/ldconfig', ['-p'], { encoding: 'utf8' }).includes(soname);
  } catch {
    return true; // no ldconfig to ask: let the tests that load it say so
  }
}

async function postgres(): Promise<Requirement> {
  const requirement = { name: 'PostgreSQL', why: 'the hall tests run on PostgreSQL as well as SQLite', aptPackage: 'postgresql' };
  const url = process.env.ONEWINDOW_TEST_POSTGRES_URL;
  if (!url) {
    if (process.env.CI)
      return { ...requirement, present: false, detail: 'ONEWINDOW_TEST_POSTGRES_URL is not set (CI runs the hall tests on both)' };
    console.log('ONEWINDOW_TEST_POSTGRES_URL is not set: the hall tests run on SQLite only.');
    return { ...requirement, present: true };
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return { ...requirement, present: true };
  } catch (error) {
    const detail = `no server answers at ONEWINDOW_TEST_POSTGRES_URL (${(error as Error).message}); start it, e.g. "pg_ctlcluster <version> main start"`;
    return { ...requirement, present: false, detail };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const requirements: Requirement[] = [
  {
    name: 'chromium',
    why: 'the end-to-end tests drive it',
    aptPackage: 'chromium',
    present: existsSync(chromiumPath),
    detail: `no browser at ${chromiumPath} (ONEWINDOW_CHROMIUM names another)`,
  },
  { name: 'socat', why: 'the serial device tests run on its pseudo-terminals', aptPackage: 'socat', present: commandOnPath('socat') },
  {
    name: 'systemd-notify',
    why: 'the supervising launcher tells systemd READY=1 and WATCHDOG=1 through it (the launcher test listens in place of systemd)',
    aptPackage: 'systemd',
    present: commandOnPath('systemd-notify'),
  },
  { name: 'espeak-ng', why: 'the host speaks queue calls with it', aptPackage: 'espeak-ng', present: commandOnPath('espeak-ng') },
  {
    name: 'pdftotext',
    why: 'the certificate tests read the printed PDFs',
    aptPackage: 'poppler-utils',
    present: commandOnPath('pdftotext'),
  },
  { name: 'libudev', why: 'serial port discovery', aptPackage: 'udev', present: sharedLibrary('libudev.so.1') },
  { name: 'libusb-1.0', why: 'node-hid', aptPackage: 'libusb-1.0-0', present: sharedLibrary('libusb-1.0.so.0') },
  await postgres(),
];

const report = missingReport(requirements);
if (report) {
  console.error(report);
  process.exit(1);
}
