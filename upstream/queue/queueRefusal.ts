import type { QueueRefusalCode } from '../../main/contract/queue.js';

/**
 * A queue action the hall refuses for a reason the citizen or clerk should
 * see (numbers used up, window paused, …). `code` is stable: terminals
 * translate it; the message is for logs and technicians.
 */
export class QueueRefusal extends Error {
  constructor(
    readonly code: QueueRefusalCode,
    message: string,
    readonly status = 409,
  ) {
    super(message);
    this.name = 'QueueRefusal';
  }
}
