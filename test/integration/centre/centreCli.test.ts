import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startCli, type ServingCli } from '../../support/cliProcess.js';
import { freshHallStore, hallBackends } from '../../support/hallOnLoopback.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();
const running: ServingCli[] = [];
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cli of running.splice(0)) {
    cli.child.kill('SIGTERM');
    await cli.exited;
  }
  for (const drop of drops.splice(0)) await drop();
});

// A district runs its centre on PostgreSQL; the CLI is tried there when CI has one (the in-process tests cover both stores).
describe.each([hallBackends().includes('postgres') ? 'postgres' : 'sqlite'] as const)(
  'onewindow centre on %s, and a hall linked to it',
  (backend) => {
    it('enrols a hall with a one-time code; the hall, started, reports; staff read it and the public page shows it', async () => {
      const dir = await tempDir();
      const store = await freshHallStore(backend, dir);
      drops.push(store.drop);
      const centreDb = backend === 'sqlite' ? path.join(dir, 'centre.db') : store.location;
      const keys = ['--key-dir', path.join(dir)];

      const noKeys = await runCli(['centre', '--db', 'postgres://x@127.0.0.1:1/none']);
      expect(noKeys.code).toBe(2);
      expect(noKeys.stderr).toContain('--key-dir DIR is required with a PostgreSQL database');
      const noName = await runCli(['centre', 'enrol-code', '--db', centreDb, ...keys, '--hall', 'east']);
      expect(noName.stderr).toContain('--name NAME is required');
      const code = (
        await runCli(['centre', 'enrol-code', '--db', centreDb, ...keys, '--hall', 'east', '--name', '城东大厅'])
      ).stdout.trim();
      expect(code).toMatch(/^[A-Z0-9]{12}$/);
      const staff = await runCli(['centre', 'staff', 'add', '--db', centreDb, ...keys, '--user', 'district', '--role', 'supervisor']);
      const password = /password (\S+)/.exec(staff.stdout)![1]!;
      const centre = await startCli(['centre', '--db', centreDb, ...keys, '--port', '0']);
      running.push(centre);
      const centreUrl = centre.urls[0]!.replace(/\/$/, '');

      const hallDb = path.join(dir, 'hall.db');
      const overHttp = await runCli(['hall', 'link-centre', '--db', hallDb, '--centre', 'http://centre.example:7500', '--code', code]);
      expect(overHttp.code).toBe(2);
      expect(overHttp.stderr).toContain("the centre must be reached over https (its answer carries the hall's secret)");
      const wrongCode = await runCli(['hall', 'link-centre', '--db', hallDb, '--centre', centreUrl, '--code', 'AAAAAAAAAAAA']);
      expect(wrongCode.code).toBe(1);
      expect(wrongCode.stderr).toContain('the centre at');
      expect(wrongCode.stderr).toContain('unknown enrolment code');
      const linked = await runCli(['hall', 'link-centre', '--db', hallDb, '--centre', centreUrl, '--code', code]);
      expect(linked.stdout).toContain('as hall east (城东大厅)');
      const hall = await startCli(['hall', '--db', hallDb, '--port', '0']);
      running.push(hall);

      await expect
        .poll(async () => (await (await fetch(`${centreUrl}/api/v1/centre/wait`)).json()) as unknown[], { timeout: 15_000 })
        .toEqual([expect.objectContaining({ hallId: 'east', name: '城东大厅', reportedAt: expect.any(String) })]);
      const login = await fetch(`${centreUrl}/login`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'district', password }),
        redirect: 'manual',
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const page = await fetch(`${centreUrl}/dashboard`, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('城东大厅');
      expect(await (await fetch(`${centreUrl}/wait`)).text()).toContain('综合受理 · General matters');
    }, 60_000);
  },
);
