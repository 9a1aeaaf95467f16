import { queueRulesSchema, queueServiceSchema, queueTicketSchema, queueWindowSchema } from './queue.js';

/**
 * The keys of the `queue` sync scope, written by the hall and read by the
 * terminals: one grammar, declared here only.
 */
export const queueKeyPrefix = { service: 'service:', window: 'window:', ticket: 'ticket:' } as const;

export const queueKeys = {
  rules: 'rules',
  service: (code: string) => `${queueKeyPrefix.service}${code}`,
  window: (window: number) => `${queueKeyPrefix.window}${window}`,
  ticket: (id: string) => `${queueKeyPrefix.ticket}${id}`,
} as const;

/** One item of the scope, checked against the schema its key names; null for a kind this terminal does not know. */
export function parseQueueItem(key: string, value: unknown): { day: string | null; value: unknown } | null {
  if (key === queueKeys.rules) return { day: null, value: queueRulesSchema.parse(value) };
  const kind = key.slice(0, key.indexOf(':') + 1);
  if (kind === queueKeyPrefix.service) return { day: null, value: queueServiceSchema.parse(value) };
  if (kind === queueKeyPrefix.window) return { day: null, value: queueWindowSchema.parse(value) };
  if (kind === queueKeyPrefix.ticket) {
    const ticket = queueTicketSchema.parse(value);
    return { day: ticket.businessDay, value: ticket };
  }
  return null;
}
