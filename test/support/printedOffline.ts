import { ulid } from 'ulid';
import type { NumberBlock } from '../../main/contract/queue.js';

/** The kiosk's outbox event for ticket `id`, printed offline as number `number` of `block`. */
export function printedOffline(id: string, block: NumberBlock, number: number, seq: number) {
  return {
    id: ulid(),
    seq,
    type: 'queue.ticket-issued',
    occurredAt: new Date().toISOString(),
    payload: {
      id,
      service: block.service,
      priority: null,
      appointmentAt: null,
      businessDay: block.businessDay,
      number,
      issuedAt: new Date().toISOString(),
    },
  };
}
