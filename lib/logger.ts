import { pino, type Logger } from 'pino';
import { recentLogLines } from './recentLines.js';

export type { Logger };

/** Fields that may hold who a citizen is: never written to a log, wherever they appear in a logged object. */
export const redactedPaths = [
  'idNumber',
  '*.idNumber',
  '*.*.idNumber',
  'citizen',
  '*.citizen',
  '*.*.citizen',
  'card',
  '*.card',
  'identity',
  '*.identity',
  'holder',
  '*.holder',
];

/** Structured logs to stderr, so stdout stays for what a command prints for people. Personal fields are redacted. */
export function createLogger(
  level: string = process.env.ONEWINDOW_LOG_LEVEL ?? 'info',
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    { level, base: { app: 'onewindow' }, redact: { paths: redactedPaths, censor: '[redacted]' } },
    recentLogLines.tee(destination),
  );
}
