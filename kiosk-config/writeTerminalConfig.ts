import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { terminalConfigSchema, type TerminalConfigInput } from './terminalConfigSchema.js';

/**
 * Writes a terminal configuration for the technician: checked against its
 * schema first (a ZodError names the field), then written to a temporary
 * file beside it, flushed to disk and renamed over the old one, so a power
 * cut leaves the old file or the new one, never half of one.
 */
export async function writeTerminalConfig(file: string, config: TerminalConfigInput): Promise<void> {
  terminalConfigSchema.parse(config);
  const absolute = path.resolve(file);
  const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.tmp`);
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(config, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, absolute);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  // The rename itself is durable only once the folder is flushed.
  const folder = await open(path.dirname(absolute), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
