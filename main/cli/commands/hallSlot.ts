import { readFile } from 'node:fs/promises';
import path from 'node:path';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  ChangeLog,
  fingerprintOf,
  replacementLines,
  SlotRefusal,
  SlotReplacement,
  TerminalRegistry,
  TerminalSlots,
} from '../../../upstream/entry/index.js';
import { readServiceIds } from '../../../hall-config/readServiceIds.js';
import type { Database } from '../../../lib/sqlite/database.js';
import { issuesFromZod } from '../../contract/errors.js';
import { encodeEnrollmentPayload, terminalSlotRequestSchema, terminalSlotSettingsSchema } from '../../contract/terminalSlot.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';

export interface SlotFlags {
  terminal?: string | undefined;
  role?: string | undefined;
  window?: string | undefined;
  services?: string | undefined;
  'idle-timeout'?: string | undefined;
  locale?: string | undefined;
  'public-url'?: string | undefined;
  'tls-cert'?: string | undefined;
}

const fieldFlags: Record<string, string> = {
  terminalId: '--terminal',
  role: '--role',
  window: '--window',
  'settings.services': '--services',
  'settings.idleTimeoutSeconds': '--idle-timeout',
  'settings.locale': '--locale',
};

/** A refusal naming the flag a field came from: "--idle-timeout: Too small: expected number to be >=15". */
function usage(error: z.ZodError, prefix = ''): UsageError {
  const text = issuesFromZod(error)
    .map((issue) => `${fieldFlags[`${prefix}${issue.path}`] ?? `${prefix}${issue.path}`}: ${issue.message}`)
    .join('; ');
  return new UsageError(text, 'hall');
}

const numberOrUndefined = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const listOrUndefined = (text: string | undefined) => (text === undefined ? undefined : text.split(',').filter(Boolean));

/** `onewindow hall slot create|set|list`: the hall decides what each terminal is, and shows published vs applied. */
export async function hallSlotCommand(db: Database, action: string | undefined, values: SlotFlags): Promise<number> {
  const sub = subcommandOf('hall slot', action, ['create', 'set', 'list', 'replace']);
  const changes = new ChangeLog(db);
  const defaults = await readServiceIds();
  const slots = new TerminalSlots(db, changes, new TerminalRegistry(db), async (within) => {
    const published = await changes.currentKeys('catalogue', within);
    return published.length > 0 ? published : defaults;
  });
  try {
    if (sub === 'list') {
      for (const slot of await slots.list()) {
        const state = !slot.enrolled ? 'not enrolled' : slot.appliedVersion === slot.publishedVersion ? 'applied' : 'waiting';
        console.log(
          `${slot.terminalId}\t${slot.role}${slot.window ? ` window ${slot.window}` : ''}\tpublished v${slot.publishedVersion}\tapplied ${slot.appliedVersion ? `v${slot.appliedVersion}` : '—'}\t${state}`,
        );
      }
      return 0;
    }
    if (sub === 'replace') {
      if (!values.terminal) throw new UsageError('--terminal ID is required', 'hall');
      const hall = await hallAddress(values);
      const { code, report } = await new SlotReplacement(db, new TerminalRegistry(db)).replace(values.terminal);
      for (const line of replacementLines(report)) console.log(line);
      await printJoinCode(`${values.terminal}: the old box is revoked; the new box takes its slot`, code, hall);
      return 0;
    }
    const settings = {
      services: listOrUndefined(values.services),
      idleTimeoutSeconds: numberOrUndefined(values['idle-timeout']),
      locale: values.locale,
    };
    if (sub === 'set') {
      if (!values.terminal) throw new UsageError('--terminal ID is required', 'hall');
      const change = terminalSlotSettingsSchema.partial().strict().safeParse(settings);
      if (!change.success) throw usage(change.error, 'settings.');
      const version = await slots.update(values.terminal, change.data);
      console.log(`${values.terminal}: published version ${version}; the terminal applies it live`);
      return 0;
    }
    const slot = terminalSlotRequestSchema.safeParse({
      terminalId: values.terminal,
      role: values.role,
      window: numberOrUndefined(values.window) ?? null,
      settings: {
        ...settings,
        services: settings.services ?? [],
        idleTimeoutSeconds: settings.idleTimeoutSeconds ?? 90,
        locale: settings.locale ?? 'zh-CN',
      },
    });
    if (!slot.success) throw usage(slot.error);
    const hall = await hallAddress(values);
    await printJoinCode(`slot ${slot.data.terminalId} (${slot.data.role}) created`, await slots.create(slot.data), hall);
    return 0;
  } catch (error) {
    if (error instanceof SlotRefusal) throw new UsageError(error.message, 'hall');
    throw error;
  }
}

/** Where the new box reaches the hall: its public URL and, over TLS, its certificate's fingerprint. */
async function hallAddress(values: SlotFlags): Promise<{ url: string; fingerprint: string | null }> {
  if (!values['public-url']) throw new UsageError('--public-url URL is required: the hall as the new terminal reaches it', 'hall');
  const fingerprint = values['tls-cert'] ? fingerprintOf(await readFile(path.resolve(values['tls-cert']), 'utf8')) : null;
  return { url: new URL(values['public-url']).origin, fingerprint };
}

async function printJoinCode(heading: string, code: string, hall: { url: string; fingerprint: string | null }): Promise<void> {
  const payload = encodeEnrollmentPayload({ hall: hall.url, fingerprint: hall.fingerprint, code });
  console.log(`${heading}; one-time code ${code} (valid 24 h)`);
  console.log(`enrollment payload: ${payload}`);
  console.log(await QRCode.toString(payload, { type: 'terminal', small: true }));
}
