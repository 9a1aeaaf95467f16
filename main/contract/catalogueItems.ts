import { z } from 'zod';
import { appointmentServiceSchema } from './appointments.js';
import { serviceCodeSchema } from './queue.js';
import { localizedTextSchema } from './terminal.js';

const idSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);

export const catalogueItemSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    department: idSchema,
    lifeEvents: z.array(idSchema),
    /** Other words citizens use for it (社保 for 社会保障): searched too, also by pinyin initials. */
    keywords: z.array(z.string().min(1)),
    materials: z.array(localizedTextSchema),
    /** The queue service to take a ticket for; null when it is not done at a window here. */
    queueService: serviceCodeSchema.nullable(),
    appointment: appointmentServiceSchema.nullable(),
    channels: z.object({ online: z.boolean(), mail: z.boolean(), window: z.boolean() }).strict(),
  })
  .strict();
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

/**
 * The hall's government-service items as data (kiosk-config/catalogue/items.json):
 * departments, life events, and each item with its materials and where it is done.
 * Adding item 313 is an edit of that file.
 */
export const catalogueItemsSchema = z
  .object({
    departments: z.array(z.object({ id: idSchema, name: localizedTextSchema }).strict()).min(1),
    lifeEvents: z.array(z.object({ id: idSchema, name: localizedTextSchema }).strict()),
    items: z.array(catalogueItemSchema),
  })
  .strict()
  .superRefine((catalogue, context) => {
    const departments = new Set(catalogue.departments.map((department) => department.id));
    const events = new Set(catalogue.lifeEvents.map((event) => event.id));
    const ids = new Set<string>();
    catalogue.items.forEach((item, index) => {
      if (ids.has(item.id)) context.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `"${item.id}" is used twice` });
      ids.add(item.id);
      if (!departments.has(item.department))
        context.addIssue({ code: 'custom', path: ['items', index, 'department'], message: `no department "${item.department}"` });
      item.lifeEvents.forEach((event, position) => {
        if (!events.has(event))
          context.addIssue({ code: 'custom', path: ['items', index, 'lifeEvents', position], message: `no life event "${event}"` });
      });
    });
  });
export type CatalogueItems = z.output<typeof catalogueItemsSchema>;

/** What a list shows of an item. */
export const catalogueItemSummarySchema = z.object({ id: idSchema, name: localizedTextSchema, department: idSchema });

export const catalogueQuerySchema = z
  .object({
    text: z.string().max(40).default(''),
    department: idSchema.nullable().default(null),
    lifeEvent: idSchema.nullable().default(null),
  })
  .strict();
