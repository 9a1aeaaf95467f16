import { spawn } from 'node:child_process';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../kiosk-config/paths.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
const preflight = 'test/preflight/checkSystem.ts';

function runPreflight(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', preflight], { cwd: packageRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm test on a fresh machine', () => {
  it('checks the system first, before the build or any test runs', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.test!.startsWith(`node --import tsx ${preflight} && `)).toBe(true);
  });

  it('names each missing program, what it is for, and the one apt-get command that installs them', async () => {
    const bin = await tempDir();
    await symlink(process.execPath, path.join(bin, 'node'));
    const result = await runPreflight({
      PATH: bin,
      ONEWINDOW_CHROMIUM: path.join(bin, 'chromium'),
      CI: '1',
      ONEWINDOW_TEST_POSTGRES_URL: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`- chromium (the end-to-end tests drive it): no browser at ${path.join(bin, 'chromium')}`);
    expect(result.stderr).toContain('- socat (');
    expect(result.stderr).toContain('- systemd-notify (');
    expect(result.stderr).toContain('- espeak-ng (');
    expect(result.stderr).toContain('- pdftotext (');
    expect(result.stderr).toContain('- PostgreSQL (');
    expect(result.stderr).toContain('sudo apt-get install -y chromium socat systemd espeak-ng poppler-utils postgresql');
  });

  it('says when PostgreSQL is named but not answering', async () => {
    const result = await runPreflight({ ONEWINDOW_TEST_POSTGRES_URL: 'postgres://onewindow:onewindow@127.0.0.1:1/postgres' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/- PostgreSQL \(.*\): no server answers at ONEWINDOW_TEST_POSTGRES_URL/);
    expect(result.stderr).toContain('sudo apt-get install -y postgresql');
  });

  it('lets the tests run where everything is installed (this machine, as .ci/run leaves it)', async () => {
    const result = await runPreflight({});
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
