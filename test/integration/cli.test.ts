import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profilesDir } from '../../kiosk-config/paths.js';
import { runCli, startCli } from '../support/cliProcess.js';
import { launchScreen } from '../support/screenSession.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
const kioskProfile = path.join(profilesDir, 'demo-kiosk.json');

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

describe('onewindow CLI', () => {
  it('prints help for itself and each command', async () => {
    const overview = await runCli(['--help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/serve .*\n.*start .*\n.*demo .*\n.*config /);
    for (const command of ['serve', 'start', 'demo', 'config']) {
      const help = await runCli([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: onewindow ${command}`));
    }
  });

  it('validates a good config, and reports each bad field with exit code 2 and no stack trace', async () => {
    const good = await runCli(['config', 'validate', kioskProfile]);
    expect(good).toMatchObject({ code: 0, stdout: expect.stringContaining('valid (kiosk K-01)') });

    const file = path.join(await tempDir(), 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        terminalId: 'K-09',
        hallId: 'h',
        role: 'kiosk',
        upstream: 'embedded',
        devices: { receiptPrinter: { port: 'lpt1' } },
      }),
    );
    const bad = await runCli(['config', 'validate', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'devices.receiptPrinter.port: expected tcp://host:port, serial:/dev/PATH, printer:NAME or "simulator", got "lpt1"',
    );
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    await writeFile(file, JSON.stringify({ terminalId: 'K-09', hallId: 'h', role: 'kiosk', upstream: 'embedded', services: ['bakery'] }));
    const unknownService = await runCli(['config', 'validate', file]);
    expect(unknownService.code).toBe(2);
    expect(unknownService.stderr).toContain('services[0]: "bakery" is not a category of the catalogue');
  });

  it('refuses to serve a bad config with exit code 2, and bad usage with exit code 2', async () => {
    const file = path.join(await tempDir(), 'bad.json');
    await writeFile(file, '{"role": "kiosk"');
    const badConfig = await runCli(['serve', '--config', file, '--port', '0']);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/not valid JSON/);
    expect((await runCli(['serve'])).stderr).toContain('--config FILE is required');
    expect((await runCli(['serve', '--config', kioskProfile, '--port', 'abc'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`serves, then on ${signal} closes the database and releases the port`, async () => {
      const dataDir = await tempDir();
      const serving = await startCli(['serve', '--config', kioskProfile, '--port', '0', '--data-dir', dataDir]);
      const url = new URL(serving.urls[0]!);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.hash).toBe('#/kiosk');
      expect((await fetch(url)).status).toBe(200);
      expect(existsSync(path.join(dataDir, 'K-01.db-wal'))).toBe(true);

      serving.child.kill(signal);
      expect(await serving.exited).toBe(0);
      expect(serving.output().stdout).toContain(`stopped (${signal})`);
      expect(await portIsFree(Number(url.port))).toBe(true);
      // sqlite removes the WAL file when the last connection closes cleanly.
      expect(existsSync(path.join(dataDir, 'K-01.db-wal'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'K-01.db'))).toBe(true);
    });
  }

  it('says plainly when the port is taken', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const result = await runCli(['serve', '--config', kioskProfile, '--port', String(port), '--data-dir', await tempDir()]);
    blocker.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the port is in use; choose another with --port');
  });

  it('runs the demo hall: kiosk, counter and display, each on its own URL', async () => {
    const demo = await startCli(['demo', '--port', '0', '--data-dir', await tempDir()], 4);
    const screens = demo.urls.filter((url) => url.includes('#'));
    expect(screens.map((url) => new URL(url).hash)).toEqual(['#/kiosk', '#/counter', '#/display']);
    for (const url of screens) {
      // Each printed URL carries a launch code that lets one browser in; the page itself is served to anyone.
      expect(new URL(url).pathname).toBe('/launch');
      const screen = await launchScreen(url);
      expect((await screen.rpc('terminal.info')).status).toBe(200);
      expect((await fetch(url, { redirect: 'manual' })).status).toBe(401);
      expect((await fetch(new URL('/', url))).status).toBe(200);
    }
    expect(demo.output().stdout).toMatch(/hall {5}http:\/\/127\.0\.0\.1:\d+ \(embedded hall server\)/);
    expect(demo.output().stdout).toMatch(/dashboard http:\/\/127\.0\.0\.1:\d+\/dashboard \(DEMO staff login: demo \/ demo-only-2468/);
    expect(demo.output().stdout).not.toMatch(/key=/);
    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
  });

  it('start without Electron falls back to serving and says what it opened', async () => {
    // No Chromium either: ONEWINDOW_CHROMIUM points at nothing, so it prints the URL to open.
    const started = await startCli(['start', '--config', kioskProfile, '--port', '0', '--data-dir', await tempDir()], 1, {
      ONEWINDOW_CHROMIUM: '/nonexistent/chromium',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(started.output().stdout).toContain('Neither Electron nor Chromium is installed: open the URL above in a browser.');
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });

  it('start --supervise without Chromium fails at once and says why, rather than serving with no screen to supervise', async () => {
    const started = await runCli(['start', '--supervise', '--config', kioskProfile, '--port', '0', '--data-dir', await tempDir()], {
      ONEWINDOW_CHROMIUM: '/nonexistent/chromium',
    });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain('onewindow start --supervise: no Chromium found');
  });
});
