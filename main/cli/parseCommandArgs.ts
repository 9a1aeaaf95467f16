import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with a --help flag on every command and usage errors named for the command. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}

export function parsePort(command: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port: expected a number from 0 to 65535, got "${value}"`, command);
  }
  return port;
}
