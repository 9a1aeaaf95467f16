import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { profilesDir } from '../../kiosk-config/paths.js';
import { runTerminal, type RunningTerminal } from '../../main/cli/runTerminal.js';
import { recordingLogger } from '../support/silentLogger.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
const running: RunningTerminal[] = [];
afterEach(async () => {
  for (const terminal of running.splice(0)) await terminal.stop();
});

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

/** Starts the child terminal, which prints a certificate and says where its spool is. */
function printInChild(configFile: string, dataDir: string) {
  const child = spawn(process.execPath, [
    '--import',
    'tsx',
    path.join(import.meta.dirname, '..', 'support', 'printCertificateThenWait.ts'),
    configFile,
    dataDir,
  ]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const printed = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^\{.*\}$/m.exec(stdout);
      if (line) resolve((JSON.parse(line[0]) as { spool: string }).spool);
    });
    void exited.then(() => reject(new Error(`the printing terminal exited:\n${stderr}`)));
  });
  return { child, printed, exited };
}

describe('certificates left in the spool', () => {
  it('a terminal killed with SIGKILL leaves its certificate behind; the next start removes it; spool files are 0600 in a 0700 folder', async () => {
    const dir = await tempDir();
    const config = JSON.parse(await readFile(path.join(profilesDir, 'demo-kiosk.json'), 'utf8'));
    delete config.$schema;
    const configFile = path.join(dir, 'kiosk.json');
    await writeFile(configFile, JSON.stringify(config));
    const dataDir = path.join(dir, 'data');

    const { child, printed, exited } = printInChild(configFile, dataDir);
    const spool = await printed;
    const jobs = path.join(spool, 'jobs');
    const certificate = (await readdir(jobs)).find((name) => name.endsWith('.data'))!;
    expect((await readFile(path.join(jobs, certificate))).subarray(0, 5).toString()).toBe('%PDF-');
    const modes = { spool: await modeOf(spool), jobs: await modeOf(jobs), certificate: await modeOf(path.join(jobs, certificate)) };
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(path.join(jobs, certificate)), 'kill -9 leaves the certificate in the spool').toBe(true);

    const logged = recordingLogger();
    running.push(await runTerminal({ configFile, dataDir, port: 0, logger: logged.logger }));
    expect(existsSync(path.join(jobs, certificate)), `${certificate} is still in ${jobs} after the next start`).toBe(false);
    expect(logged.lines().find((line) => line.msg === 'removed print jobs an earlier run left behind')).toMatchObject({
      files: expect.any(Number),
    });
    expect(modes).toEqual({ spool: 0o700, jobs: 0o700, certificate: 0o600 });
  }, 90_000);
});
