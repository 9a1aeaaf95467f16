import { ServiceError } from '../../contract/errors.js';

/** A role's part of the queue, or a plain refusal on a terminal of another role. */
export function only<T>(part: T | null, role: string, method: string): T {
  if (!part) throw new ServiceError('forbidden', `${method} is for a ${role} terminal`);
  return part;
}
