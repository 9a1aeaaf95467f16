import { spawn } from 'node:child_process';
import { ServiceError } from '../../contract/errors.js';
import type { Locale } from '../../contract/terminal.js';

const voices: Record<Locale, string> = { 'zh-CN': 'cmn', en: 'en' };

/**
 * Speech made on the host with espeak-ng, for screens whose browser has no
 * voice for the language (Chromium on Linux often has none). The WAV goes
 * back to the screen, which plays it in its own audio queue, so a TV in
 * browser mode sounds the same as a display in Electron. Text goes in on
 * stdin: nothing in it can be taken for an option.
 */
export function synthesizeSpeech(text: string, locale: Locale, command = 'espeak-ng', timeoutMs = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-v', voices[locale], '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new ServiceError(
          'unavailable',
          error.code === 'ENOENT'
            ? `${command} is not installed: the host cannot speak (apt-get install espeak-ng)`
            : `${command} failed: ${error.message}`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wav = Buffer.concat(chunks);
      if (code === 0 && wav.subarray(0, 4).toString('latin1') === 'RIFF') resolve(wav);
      else
        reject(new ServiceError('unavailable', `${command} made no speech (${signal ?? `exit ${code}`}): ${stderr.trim().slice(0, 200)}`));
    });
    child.stdin.end(text);
  });
}
