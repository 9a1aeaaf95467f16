import { writeFile } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../support/cliProcess.js';
import { launchScreen, type ScreenSession } from '../../support/screenSession.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();

async function hallStatus(screen: ScreenSession): Promise<string> {
  const response = await screen.rpc('status.get');
  return ((await response.json()) as { result: { hall: { state: string } } }).result.hall.state;
}

describe('onewindow hall and enroll, as a technician uses them', () => {
  it('enrolls a terminal that then shows the hall online, and offline once revoked', async () => {
    const dir = await tempDir();
    const db = path.join(dir, 'hall.db');
    const noStaffRole = await runCli(['hall', 'staff', 'add', '--db', db, '--user', 'supervisor']);
    expect(noStaffRole.code).toBe(2);
    expect(noStaffRole.stderr).toContain('--role technician|supervisor[,…] is required for a staff account');
    const staff = await runCli(['hall', 'staff', 'add', '--db', db, '--user', 'supervisor', '--role', 'supervisor']);
    expect(staff.stdout).toContain('staff account supervisor (supervisor)');
    const password = /password (\S+)/.exec(staff.stdout)![1]!;
    const hall = await startCli(['hall', '--db', db, '--port', '0']);
    const hallUrl = hall.urls[0]!.replace(/\/$/, '');
    let terminal: Awaited<ReturnType<typeof startCli>> | undefined;
    try {
      expect(hall.output().stdout).not.toMatch(/key=/);
      const login = await fetch(`${hallUrl}/login`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'supervisor', password }),
        redirect: 'manual',
      });
      expect(login.status).toBe(303);
      // A supervisor reads the figures; the terminals' care is a technician's.
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(`${hallUrl}/dashboard`, { headers: { cookie } })).status).toBe(200);
      const care = await fetch(`${hallUrl}/care`, { headers: { cookie } });
      expect(care.status).toBe(403);
      expect(await care.text()).toContain('需要：技术人员');

      const noRole = await runCli(['hall', 'enroll-code', '--db', db, '--terminal', 'K-21']);
      expect(noRole.code).toBe(2);
      expect(noRole.stderr).toContain('--role kiosk|counter|display is required');
      const noWindow = await runCli(['hall', 'enroll-code', '--db', db, '--terminal', 'C-21', '--role', 'counter']);
      expect(noWindow.stderr).toContain('--window N is required for a counter');
      expect((await runCli(['hall', 'enroll-code', '--db', db, '--terminal', 'C-21', '--role', 'counter', '--window', '3'])).code).toBe(0);
      const code = (await runCli(['hall', 'enroll-code', '--db', db, '--terminal', 'K-21', '--role', 'kiosk'])).stdout.trim();
      expect(code).toMatch(/^[A-Z0-9]{12}$/);
      const config = path.join(dir, 'k21.json');
      await writeFile(
        config,
        JSON.stringify({ terminalId: 'K-21', hallId: 'h', role: 'kiosk', upstream: hallUrl, hallPingIntervalMs: 200, dataDir: 'data' }),
      );

      const wrong = await runCli(['enroll', '--hall', hallUrl, '--code', 'WRONGCODE123', '--config', config]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('unknown enrollment code');

      const enrolled = await runCli(['enroll', '--hall', hallUrl, '--code', code, '--config', config]);
      expect(enrolled.stdout).toContain(`enrolled K-21 with ${hallUrl}`);
      expect((await stat(path.join(dir, 'data', 'K-21.identity.json'))).mode & 0o777).toBe(0o600);

      terminal = await startCli(['serve', '--config', config, '--port', '0']);
      const screen = await launchScreen(terminal.urls[0]!);
      await expect.poll(() => hallStatus(screen), { timeout: 10_000 }).toBe('online');

      expect((await runCli(['hall', 'revoke', '--db', db, '--terminal', 'K-21'])).stdout).toContain('K-21 revoked');
      await expect.poll(() => hallStatus(screen), { timeout: 10_000 }).toBe('offline');
    } finally {
      terminal?.child.kill('SIGTERM');
      await terminal?.exited;
      hall.child.kill('SIGTERM');
      expect(await hall.exited).toBe(0);
    }
  }, 120_000);

  it('publishes a catalogue folder as the hall catalogue, recording only what changed', async () => {
    const db = path.join(await tempDir(), 'hall.db');
    const dir = path.resolve('kiosk-config/catalogue');
    expect((await runCli(['hall', 'catalogue', 'publish', '--db', db, '--dir', dir])).stdout).toContain(
      'published 6 categories (6 changes)',
    );
    expect((await runCli(['hall', 'catalogue', 'publish', '--db', db, '--dir', dir])).stdout).toContain(
      'published 6 categories (0 changes)',
    );
    expect((await runCli(['hall', 'catalogue', 'publish', '--db', db])).code).toBe(2);
    expect(
      (await runCli(['hall', 'config', 'set', '--db', db, '--terminal', '*', '--json', '{"idleTimeoutSeconds":60}'])).stdout,
    ).toContain('set for *');
    const bad = await runCli([
      'hall',
      'config',
      'set',
      '--db',
      db,
      '--terminal',
      'K-01',
      '--json',
      '{"idleTimeoutSeconds":5,"colour":"red"}',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/idleTimeoutSeconds: .*>=15/);
  });

  it('runs a terminal that is not enrolled, offline, and says why', async () => {
    const dir = await tempDir();
    const config = path.join(dir, 'k22.json');
    await writeFile(
      config,
      JSON.stringify({ terminalId: 'K-22', hallId: 'h', role: 'kiosk', upstream: 'http://127.0.0.1:9', dataDir: 'data' }),
    );
    const terminal = await startCli(['serve', '--config', config, '--port', '0']);
    try {
      expect(await hallStatus(await launchScreen(terminal.urls[0]!))).toBe('offline');
      expect(terminal.output().stderr).toContain('terminal K-22 is not enrolled with its hall server');
    } finally {
      terminal.child.kill('SIGTERM');
      await terminal.exited;
    }
  });
});
