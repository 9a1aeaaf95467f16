import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../support/cliProcess.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();
const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe('onewindow hall over HTTPS, as a technician sets it up', () => {
  it('makes a certificate, serves HTTPS with it, and enrolls a terminal that pins its fingerprint', async () => {
    const dir = await tempDir();
    const made = await runCli(['hall', 'tls-cert', '--out', path.join(dir, 'tls'), '--host', '127.0.0.1', '--host', 'hall.local']);
    expect(made.code).toBe(0);
    const fingerprint = /SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/.exec(made.stdout)![1]!;
    expect(await modeOf(path.join(dir, 'tls', 'hall-key.pem'))).toBe(0o600);

    const db = path.join(dir, 'hall.db');
    const hall = await startCli([
      'hall',
      '--db',
      db,
      '--port',
      '0',
      '--tls-cert',
      path.join(dir, 'tls', 'hall-cert.pem'),
      '--tls-key',
      path.join(dir, 'tls', 'hall-key.pem'),
    ]);
    try {
      const hallUrl = hall.urls[0]!.replace(/\/$/, '');
      expect(hallUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(hall.output().stdout).toContain(`TLS certificate SHA-256 fingerprint: ${fingerprint}`);
      expect(await modeOf(db)).toBe(0o600);
      expect(await modeOf(path.join(dir, 'hall-signing-key.pem'))).toBe(0o600);
      expect(await modeOf(path.join(dir, 'hall-terminal-secrets.key'))).toBe(0o600);

      const config = path.join(dir, 'k31.json');
      await writeFile(config, JSON.stringify({ terminalId: 'K-31', hallId: 'h', role: 'kiosk', upstream: hallUrl, dataDir: 'data' }));
      const code = (await runCli(['hall', 'enroll-code', '--db', db, '--terminal', 'K-31', '--role', 'kiosk'])).stdout.trim();
      const unpinned = await runCli(['enroll', '--hall', hallUrl, '--code', code, '--config', config]);
      expect(unpinned).toMatchObject({ code: 2, stderr: expect.stringContaining('--fingerprint SHA256 is required for an https:// hall') });
      const malformed = await runCli(['enroll', '--hall', hallUrl, '--code', code, '--config', config, '--fingerprint', 'AB:CD']);
      expect(malformed).toMatchObject({ code: 2, stderr: expect.stringContaining('--fingerprint: expected a SHA-256 fingerprint') });
      const wrong = await runCli(['enroll', '--hall', hallUrl, '--code', code, '--config', config, '--fingerprint', 'AB'.repeat(32)]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain(
        `presented a TLS certificate with SHA-256 fingerprint ${fingerprint}, not the pinned ${'AB:'.repeat(31)}AB`,
      );
      // Lower case, no colons, as some tools print it: the same pin.
      const enrolled = await runCli([
        'enroll',
        '--hall',
        hallUrl,
        '--code',
        code,
        '--config',
        config,
        '--fingerprint',
        fingerprint.replaceAll(':', '').toLowerCase(),
      ]);
      expect(enrolled.stdout).toContain(`enrolled K-31 with ${hallUrl}`);
      expect(JSON.parse(await readFile(path.join(dir, 'data', 'K-31.identity.json'), 'utf8'))).toMatchObject({
        hallUrl,
        terminalId: 'K-31',
        fingerprint,
      });
    } finally {
      hall.child.kill('SIGTERM');
      expect(await hall.exited).toBe(0);
    }
  }, 120_000);

  it('refuses to serve the network without a public URL, and a public URL that is not an origin', async () => {
    const db = path.join(await tempDir(), 'hall.db');
    const open = await runCli(['hall', '--db', db, '--host', '0.0.0.0', '--port', '0']);
    expect(open).toMatchObject({ code: 2, stderr: expect.stringContaining('--public-url URL is required with --host 0.0.0.0') });
    const bad = await runCli(['hall', '--db', db, '--port', '0', '--public-url', 'https://hall.example/verify?x=1']);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining("--public-url: expected the hall's origin only") });
    const days = await runCli(['hall', '--db', db, '--port', '0', '--retention-days', '0']);
    expect(days).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--retention-days: expected a whole number of days from 1 to 3650'),
    });
  }, 60_000);
});
