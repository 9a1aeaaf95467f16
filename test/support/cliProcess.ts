import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { packageRoot } from '../../kiosk-config/paths.js';

export const cliPath = path.join(packageRoot, 'dist', 'main', 'cli', 'onewindow.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `onewindow` command to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServingCli {
  child: ChildProcessWithoutNullStreams;
  /** Every URL the command printed, in order. */
  urls: string[];
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

/** Starts a long-running command (`serve`, `demo`, `simulate`) and resolves once it has printed `expectedUrls` URLs (0: anything). */
export function startCli(args: string[], expectedUrls = 1, env: NodeJS.ProcessEnv = {}, timeoutMs = 20_000): Promise<ServingCli> {
  const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ONEWINDOW_LOG_LEVEL: 'warn', ...env } });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed in ${timeoutMs / 1000} s:\n${stdout}\n${stderr}`)), timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const urls = stdout.match(/https?:\/\/\S+/g) ?? [];
      if (urls.length >= expectedUrls && stdout.length > 0) {
        clearTimeout(timer);
        resolve({ child, urls, output: () => ({ stdout, stderr }), exited });
      }
    });
    void exited.then((code) => reject(new Error(`exited ${code} before serving:\n${stdout}\n${stderr}`)));
  });
}
