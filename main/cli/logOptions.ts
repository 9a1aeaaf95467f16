import type { LogFileOptions } from '../../lib/logFile.js';
import { UsageError } from './usageError.js';

export const logOptionsHelp = `Options of every command:
  --log-file FILE  log there (JSON lines) instead of to stderr, rotated by size:
                   FILE is the live file, FILE.1 … FILE.N the rotated ones, newest first
  --log-size SIZE  size a log file reaches before it rotates (e.g. 500K, 10M; default 10M)
  --log-keep N     rotated log files kept besides the live one (default 5)`;

const names = ['--log-file', '--log-size', '--log-keep'] as const;
const units: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/**
 * Takes the log options out of a command line (they may stand anywhere in
 * it, before or after the command), so each command parses only its own.
 */
export function takeLogOptions(argv: readonly string[]): { args: string[]; logFile: LogFileOptions | null } {
  const args: string[] = [];
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(names as readonly string[]).includes(name!)) {
      args.push(arg);
      continue;
    }
    const value = inline ?? argv[(index += 1)];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name}: expected a value`, 'onewindow');
    values.set(name!, value);
  }
  const file = values.get('--log-file');
  if (file === undefined) {
    if (values.size > 0) throw new UsageError(`${[...values.keys()].join(', ')}: only with --log-file FILE`, 'onewindow');
    return { args, logFile: null };
  }
  return {
    args,
    logFile: { file, maxBytes: parseSize(values.get('--log-size') ?? '10M'), keep: parseKeep(values.get('--log-keep') ?? '5') },
  };
}

function parseSize(value: string): number {
  const match = /^(\d+)([KMG]?)B?$/i.exec(value.trim());
  const bytes = match ? Number(match[1]) * units[match[2]!.toUpperCase()]! : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024)
    throw new UsageError(`--log-size: expected a size of 1K or more such as 500K or 10M, got "${value}"`, 'onewindow');
  return bytes;
}

function parseKeep(value: string): number {
  const keep = Number(value);
  if (!Number.isInteger(keep) || keep < 1 || keep > 100)
    throw new UsageError(`--log-keep: expected a number from 1 to 100, got "${value}"`, 'onewindow');
  return keep;
}
