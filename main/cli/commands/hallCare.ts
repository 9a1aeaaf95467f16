import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CareCommands } from '../../../upstream/entry/index.js';
import type { Database } from '../../../lib/sqlite/database.js';
import { terminalIdSchema } from '../../contract/hallProtocol.js';
import { careActionSchema, defaultCareExpirySeconds, defaultCareLogLines, type CareCommand } from '../../contract/remoteCare.js';
import { UsageError } from '../usageError.js';

export const hallCareHelp = `  command          sends a terminal a remote care command over its live channel and
                   waits for the result (--wait seconds, default 30): reload (the
                   screens), restart (the host), test-receipt, screenshot (PNG to
                   --out FILE, default <terminal>-screenshot.png), logs (the last
                   --lines N, default ${defaultCareLogLines}), apply-config (pull the hall's config now).
                   To an offline terminal it is delivered when it reconnects, unless it
                   expired first (--expires-in seconds, default ${defaultCareExpirySeconds}). Recorded with
                   who sent it; staff see every command at /care`;

export interface CareArgs {
  out?: string | undefined;
  lines?: string | undefined;
  wait?: string | undefined;
  'expires-in'?: string | undefined;
}

const positiveInt = (name: string, value: string | undefined, fallback: number, max: number) => {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new UsageError(`--${name}: a whole number from 1 to ${max}`, 'hall');
  return number;
};

/** `onewindow hall command TERMINAL ACTION`: written into the hall's database, which the running hall delivers from. */
export async function sendCareCommand(db: Database, rest: string[], args: CareArgs): Promise<number> {
  const [terminal, action, ...extra] = rest;
  const terminalId = terminalIdSchema.safeParse(terminal);
  const careAction = careActionSchema.safeParse(action);
  if (!terminalId.success || !careAction.success || extra.length > 0)
    throw new UsageError(`expected "hall command --db FILE TERMINAL ${careActionSchema.options.join('|')}"`, 'hall');
  const lines = positiveInt('lines', args.lines, defaultCareLogLines, 5000);
  const waitSeconds = positiveInt('wait', args.wait, 30, 3600);
  const expiresIn = positiveInt('expires-in', args['expires-in'], defaultCareExpirySeconds, 7 * 86_400);
  const commands = new CareCommands(db, () => new Date());
  const sent = await commands.request(terminalId.data, careAction.data, lines, `cli:${os.userInfo().username}`, Math.max(expiresIn, 10));
  console.log(`command ${sent.id}: ${sent.action} for ${sent.terminalId}`);
  const deadline = Date.now() + waitSeconds * 1000;
  let command: CareCommand = sent;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await commands.expire();
    command = (await commands.find(sent.id))!;
    if (command.state === 'done' || command.state === 'failed' || command.state === 'expired') break;
  }
  if (command.state === 'pending' || command.state === 'sent') {
    console.log(
      command.state === 'pending'
        ? `waiting: ${command.terminalId} is not connected; it gets the command when it reconnects (until ${command.expiresAt})`
        : `delivered, no result yet; see it at /care`,
    );
    return 0;
  }
  console.log(`${command.state}: ${command.message ?? ''}`);
  if (command.logLines) for (const line of command.logLines) console.log(line);
  const png = await commands.screenshot(command.id);
  if (png) {
    const file = path.resolve(args.out ?? `${command.terminalId}-screenshot.png`);
    await writeFile(file, png);
    console.log(`screenshot written to ${file}`);
  }
  return command.state === 'done' ? 0 : 1;
}
