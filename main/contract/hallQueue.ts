import { z } from 'zod';
import { localizedTextSchema } from './terminal.js';
import { queueRulesSchema, serviceCodeSchema, windowNumberSchema } from './queue.js';

const numberRange = z
  .object({ first: z.number().int().min(1).max(9999), last: z.number().int().min(1).max(9999) })
  .strict()
  .refine((range) => range.first <= range.last, { error: 'first must not be above last' });

/**
 * The hall's days off and make-up working days, as the State Council's yearly
 * notice on public holidays sets them (国务院办公厅关于部分节假日安排的通知, usually
 * published in November for the next year): working-day deadlines (a 差评
 * case's steps) count by them. Saturdays and Sundays are days off unless listed
 * in `workingWeekends`.
 */
export const workingCalendarSchema = z
  .object({
    holidays: z.array(z.iso.date()).default([]),
    workingWeekends: z.array(z.iso.date()).default([]),
  })
  .strict();
export type WorkingCalendar = z.infer<typeof workingCalendarSchema>;

/**
 * A hall's queue: its services (ticket letter, daily number ranges), which
 * windows serve which services, and the day rules. Data, read by the hall
 * server at start (`onewindow hall --queue FILE`).
 */
export const hallQueueSchema = z
  .object({
    $schema: z.string().optional(),
    ...queueRulesSchema.shape,
    services: z
      .array(
        z
          .object({
            code: serviceCodeSchema,
            name: localizedTextSchema,
            usualServiceMinutes: z.number().positive().max(240),
            /** The service level's target: the share of citizens called within this wait is the service's level. */
            targetWaitMinutes: z.number().positive().max(240).default(15),
            /** Numbers the hall issues itself, each business day. */
            numbers: numberRange,
            /** Numbers leased to kiosks in blocks, for when they cannot reach the hall. */
            offlineNumbers: numberRange,
          })
          .strict(),
      )
      .min(1),
    windows: z.array(z.object({ window: windowNumberSchema, services: z.array(serviceCodeSchema).min(1) }).strict()).min(1),
    calendar: workingCalendarSchema.default({ holidays: [], workingWeekends: [] }),
  })
  .strict()
  .superRefine((queue, context) => {
    const codes = new Set<string>();
    queue.services.forEach((service, index) => {
      if (codes.has(service.code))
        context.addIssue({ code: 'custom', path: ['services', index, 'code'], message: `"${service.code}" is used twice` });
      codes.add(service.code);
      const { numbers, offlineNumbers } = service;
      if (numbers.first <= offlineNumbers.last && offlineNumbers.first <= numbers.last) {
        context.addIssue({
          code: 'custom',
          path: ['services', index, 'offlineNumbers'],
          message: 'overlaps numbers: the two ranges must not share a number',
        });
      }
    });
    const windows = new Set<number>();
    queue.windows.forEach((window, index) => {
      if (windows.has(window.window))
        context.addIssue({ code: 'custom', path: ['windows', index, 'window'], message: `window ${window.window} is listed twice` });
      windows.add(window.window);
      window.services.forEach((code, position) => {
        if (!codes.has(code))
          context.addIssue({ code: 'custom', path: ['windows', index, 'services', position], message: `no service "${code}" in services` });
      });
    });
  });

export type HallQueue = z.output<typeof hallQueueSchema>;
