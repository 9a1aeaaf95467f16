import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { terminalIdSchema } from '../contract/hallProtocol.js';
import { tlsFingerprintSchema } from '../contract/tlsFingerprint.js';
import type { TerminalIdentity } from './hallClient.js';

const identitySchema = z
  .object({ hallUrl: z.url(), terminalId: terminalIdSchema, secret: z.string().min(32), fingerprint: tlsFingerprintSchema.nullish() })
  .strict();

function identityFile(dataDir: string, terminalId: string): string {
  return path.join(dataDir, `${terminalId}.identity.json`);
}

/** Keeps the terminal's hall secret beside its database, readable by its own user only. */
export async function saveIdentity(dataDir: string, identity: TerminalIdentity): Promise<string> {
  const file = identityFile(dataDir, identity.terminalId);
  await writeFile(file, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return file;
}

/** The stored identity, or null when this terminal has not enrolled; a damaged file is an error naming it. */
export async function loadIdentity(dataDir: string, terminalId: string): Promise<TerminalIdentity | null> {
  const file = identityFile(dataDir, terminalId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = identitySchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is damaged: enroll the terminal again (onewindow enroll)`);
  return parsed.data;
}
