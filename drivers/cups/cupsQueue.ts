import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { parseJobIds, parseQueueState, parseRequestId, type QueueState } from './cupsOutput.js';

/** How to run CUPS's tools: the real `lp`/`lpstat`, or the spool-folder simulator's. Each is an argv prefix. */
export interface CupsCommands {
  lp: string[];
  lpstat: string[];
  env?: NodeJS.ProcessEnv;
}

export const systemCups: CupsCommands = { lp: ['lp'], lpstat: ['lpstat'] };

export type JobOutcome = { state: 'completed'; jobId: string } | { state: 'held'; jobId: string; queue: QueueState };

/** A CUPS print queue, driven through lp and lpstat: A4 documents (PDF), or raw printer bytes for a receipt printer behind an OS queue. */
export class CupsQueue {
  constructor(
    readonly queue: string,
    private readonly commands: CupsCommands = systemCups,
  ) {}

  /** Submits a document (a PDF by default; `raw` passes printer bytes such as ESC/POS untouched); resolves with the CUPS job id. */
  async submit(document: Buffer, title: string, format: 'pdf' | 'raw' = 'pdf'): Promise<string> {
    const options = format === 'raw' ? ['-o', 'raw'] : ['-o', 'media=A4'];
    const stdout = await this.#run(this.commands.lp, ['-d', this.queue, '-t', title, ...options, '-'], document);
    const jobId = parseRequestId(stdout);
    if (!jobId) throw new Error(`lp did not report a job id: ${stdout.trim()}`);
    return jobId;
  }

  async state(): Promise<QueueState> {
    return parseQueueState(await this.#run(this.commands.lpstat, ['-l', '-p', this.queue]));
  }

  async isCompleted(jobId: string): Promise<boolean> {
    const completed = parseJobIds(await this.#run(this.commands.lpstat, ['-W', 'completed', '-o', this.queue]));
    return completed.includes(jobId);
  }

  /**
   * Waits until the job is printed, or reports it held with the queue's reasons once `timeoutMs` passes.
   * Polls soon at first (a short job is done in a moment and the citizen is waiting), then every `pollMs`.
   */
  async waitForJob(jobId: string, timeoutMs = 60_000, pollMs = 500): Promise<JobOutcome> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      if (await this.isCompleted(jobId)) return { state: 'completed', jobId };
      const queue = await this.state();
      if (Date.now() >= deadline || queue.reasons.length > 0 || !queue.enabled) {
        if (await this.isCompleted(jobId)) return { state: 'completed', jobId };
        return { state: 'held', jobId, queue };
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, 100 * 2 ** attempt)));
    }
  }

  #run(argv: string[], args: string[], input?: Buffer): Promise<string> {
    const [command, ...prefix] = argv;
    const env = { ...process.env, ...this.commands.env };
    if (!input) {
      return promisify(execFile)(command!, [...prefix, ...args], { env }).then(
        ({ stdout }) => stdout,
        (error: NodeJS.ErrnoException & { stderr?: string }) => {
          throw new Error(error.code === 'ENOENT' ? `${command} not found: is CUPS installed?` : error.stderr?.trim() || error.message, {
            cause: error,
          });
        },
      );
    }
    return new Promise((resolve, reject) => {
      const child = spawn(command!, [...prefix, ...args], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', (error: NodeJS.ErrnoException) =>
        reject(new Error(error.code === 'ENOENT' ? `${command} not found: is CUPS installed?` : error.message, { cause: error })),
      );
      // 'close', not 'exit': a child's exit can be reported before the last of its output is read (lp's job id).
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(stderr.trim() || `${command} exited ${code}`))));
      // A command that refuses at once (no such queue) may exit before reading the document: its exit says why, not the broken pipe.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    });
  }
}
