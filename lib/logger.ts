import { pino, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
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

/**
 * Logs to stderr, so stdout stays for what a command prints for people:
 * readable lines on a terminal, JSON (one object a line) when piped or
 * collected by journald. Personal fields are redacted. A warning is an
 * expected condition (a device unplugged, the hall unreachable): its error
 * is logged by message, without a stack trace; an error keeps its stack.
 */
export function createLogger(
  level: string = process.env.ONEWINDOW_LOG_LEVEL ?? 'info',
  destination: pino.DestinationStream = defaultDestination(),
): Logger {
  return pino(
    {
      level,
      base: { app: 'onewindow' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      hooks: {
        logMethod(args, method, levelValue) {
          const [first, ...rest] = args as unknown[];
          if (levelValue < pino.levels.values.error! && isRecord(first) && first.err instanceof Error) {
            return method.apply(this, [{ ...first, err: withoutStack(first.err) }, ...rest] as Parameters<typeof method>);
          }
          return method.apply(this, args);
        },
      },
    },
    recentLogLines.tee(destination),
  );
}

function defaultDestination(): pino.DestinationStream {
  if (!process.stderr.isTTY) return pino.destination(2);
  return pinoPretty({ destination: 2, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The error as a warning shows it: type, message and code, the same fields pino's serializer gives, no stack. */
function withoutStack(error: Error): Record<string, unknown> {
  const code = (error as NodeJS.ErrnoException).code;
  return { type: error.constructor.name, message: error.message, ...(code ? { code } : {}) };
}
