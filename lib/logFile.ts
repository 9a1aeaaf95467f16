import path from 'node:path';
import { createStream } from 'rotating-file-stream';

/** Where a process logs when it is told to log to a file: its size before it rotates, and how many rotated files stay. */
export interface LogFileOptions {
  /** e.g. /var/log/onewindow/k01.log: always the live file; rotated ones are k01.log.1 (newest) … k01.log.N, as logrotate names them. */
  file: string;
  /** Bytes the live file reaches before it rotates. */
  maxBytes: number;
  /** Rotated files kept besides the live one; the oldest goes at each rotation. */
  keep: number;
}

export interface LogFile {
  write(chunk: string): boolean;
  /** Writes out what is buffered and closes the file. */
  close(): Promise<void>;
}

/**
 * A log file rotated by size with logrotate's naming (rotating-file-stream):
 * a rotation never splits a line, lines written meanwhile wait for the new
 * file, and a restart appends to the live file (rotating it first if full).
 */
export function openLogFile(options: LogFileOptions): LogFile {
  const stream = createStream(path.basename(options.file), {
    path: path.dirname(options.file),
    size: `${options.maxBytes}B`,
    rotate: options.keep,
  });
  return {
    write: (chunk) => stream.write(chunk),
    close: () =>
      new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      }),
  };
}
