import QRCode from 'qrcode';
import { z } from 'zod';
import {
  encodeEnrollmentPayload,
  replacementReportSchema,
  terminalSlotPaths,
  terminalSlotRequestSchema,
  terminalSlotSettingsSchema,
  terminalSlotViewSchema,
} from '../../main/contract/terminalSlot.js';
import { terminalIdSchema } from '../../main/contract/hallProtocol.js';
import { hallRoute, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import type { SlotReplacement } from './slotReplacement.js';
import { SlotRefusal, type TerminalSlots } from './terminalSlots.js';
import { terminalSlotsPage } from './terminalSlotsPage.js';

export const createdSlotSchema = z.object({ terminalId: terminalIdSchema, code: z.string(), payload: z.string(), qrSvg: z.string() });

/** Where a new box finds this hall: the URL it is reached at and its certificate's fingerprint (null on plain HTTP). */
export interface HallAddress {
  url(): string;
  fingerprint: string | null;
}

/** The hall's terminal slots for its staff: create one (its enrollment QR), change its settings, see published vs applied. */
export function registerTerminalSlotRoutes(app: HallApp, slots: TerminalSlots, replacement: SlotReplacement, address: HallAddress): void {
  const joinCode = async (terminalId: string, code: string) => {
    const payload = encodeEnrollmentPayload({ hall: address.url(), fingerprint: address.fingerprint, code });
    return { terminalId, code, payload, qrSvg: await QRCode.toString(payload, { type: 'svg', margin: 2 }) };
  };
  const refused = (reply: Parameters<typeof refuse>[0], error: unknown) => {
    if (error instanceof SlotRefusal) return refuse(reply, 400, 'bad_request', error.message);
    throw error;
  };

  hallRoute(app, {
    method: 'POST',
    url: terminalSlotPaths.slots,
    access: { staff: ['technician'] },
    summary: 'Create a terminal slot (role, window, services, idle timeout, language): its one-time code and enrollment QR',
    body: terminalSlotRequestSchema,
    response: createdSlotSchema,
    handler: async ({ body, reply }) => {
      try {
        return await joinCode(body.terminalId, await slots.create(body));
      } catch (error) {
        return refused(reply, error);
      }
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: terminalSlotPaths.slots,
    access: { staff: ['technician'] },
    summary: 'Every terminal slot with its published and applied config version',
    response: z.array(terminalSlotViewSchema),
    handler: () => slots.list(),
  });

  hallRoute(app, {
    method: 'POST',
    url: terminalSlotPaths.config,
    access: { staff: ['technician'] },
    summary: "Change a terminal's hall-managed settings: a new version, published to it live",
    body: terminalSlotSettingsSchema.partial().strict(),
    response: z.object({ version: z.number().int() }),
    handler: async ({ body, params, reply }) => {
      try {
        return { version: await slots.update(params.terminalId!, body) };
      } catch (error) {
        return refused(reply, error);
      }
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: terminalSlotPaths.replace,
    access: { staff: ['technician'] },
    summary: "Replace a broken box: revoke its secret, report what it left undelivered, and give the new box the slot's enrollment QR",
    response: createdSlotSchema.extend({ report: replacementReportSchema }),
    handler: async ({ params, reply }) => {
      try {
        const terminalId = terminalIdSchema.safeParse(params.terminalId);
        if (!terminalId.success) throw new SlotRefusal('terminalId', `not a terminal id: "${params.terminalId}"`);
        const { code, report } = await replacement.replace(terminalId.data);
        return { ...(await joinCode(terminalId.data, code)), report };
      } catch (error) {
        return refused(reply, error);
      }
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: terminalSlotPaths.page,
    access: { staff: ['technician'] },
    summary: 'The terminal slots page: published vs applied per terminal',
    html: true,
    handler: async ({ reply }) =>
      reply.type('text/html; charset=utf-8').send(terminalSlotsPage(await slots.list(), await replacement.recent())),
  });
}
