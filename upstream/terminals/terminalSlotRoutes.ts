import type { FastifyReply } from 'fastify';
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
import { replaceFormSchema, slotFormSchema, slotRequestOf } from './slotForms.js';
import { terminalSlotsPage, type SlotPageOutcome } from './terminalSlotsPage.js';

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
  /** Revokes the box in a slot and gives the slot's QR for its successor, with what the old box left undelivered. */
  const replaceBox = async (given: string) => {
    const terminalId = terminalIdSchema.safeParse(given);
    if (!terminalId.success) throw new SlotRefusal('terminalId', `not a terminal id: "${given}"`);
    const { code, report } = await replacement.replace(terminalId.data);
    return { ...(await joinCode(terminalId.data, code)), report };
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
        return await replaceBox(params.terminalId!);
      } catch (error) {
        return refused(reply, error);
      }
    },
  });

  const page = async (outcome: SlotPageOutcome = {}) =>
    terminalSlotsPage(await slots.list(), await replacement.recent(), await slots.services(), outcome);
  /** A form's answer: the page with the slot made (its QR), or with what is wrong, field by field (400). */
  const answerPage = async (reply: FastifyReply, outcome: () => Promise<SlotPageOutcome>) => {
    const shown = await outcome().catch((error: unknown) => {
      if (error instanceof SlotRefusal) return { problems: [error.message] };
      throw error;
    });
    return reply
      .code(shown.problems ? 400 : 200)
      .type('text/html; charset=utf-8')
      .send(await page(shown));
  };

  hallRoute(app, {
    method: 'GET',
    url: terminalSlotPaths.page,
    access: { staff: ['technician'] },
    summary: 'The terminal slots page: published vs applied per terminal, a form for a new slot, a button to replace a broken box',
    html: true,
    handler: async ({ reply }) => reply.type('text/html; charset=utf-8').send(await page()),
  });

  hallRoute(app, {
    method: 'POST',
    url: terminalSlotPaths.page,
    access: { staff: ['technician'] },
    summary: "The page's new-slot form: creates the slot and shows its enrollment QR, or says what is wrong, field by field",
    body: slotFormSchema,
    html: true,
    handler: ({ body, reply }) =>
      answerPage(reply, async () => {
        const form = slotRequestOf(body);
        if ('problems' in form) return { problems: form.problems };
        return { created: await joinCode(form.request.terminalId, await slots.create(form.request)) };
      }),
  });

  hallRoute(app, {
    method: 'POST',
    url: terminalSlotPaths.pageReplace,
    access: { staff: ['technician'] },
    summary: "The page's replace button: revokes the old box, reports what it left undelivered, and shows the slot's QR for the new box",
    body: replaceFormSchema,
    html: true,
    handler: ({ body, reply }) => answerPage(reply, async () => ({ created: await replaceBox(body.terminalId) })),
  });
}
