import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs to stderr, so stdout stays for what a command prints for people. */
export function createLogger(level: string = process.env.ONEWINDOW_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'onewindow' } }, pino.destination(2));
}
