import { ServiceError } from '../contract/errors.js';
import { HallRequestError } from '../sync/hallClient.js';

/** The hall could not be asked (down, unreachable, failing): the kiosk may fall back to its number blocks. */
export function hallUnreachable(error: unknown): boolean {
  return error instanceof HallRequestError && (error.status === null || error.status >= 500);
}

/** A failed hall request as the screens see it: the hall's refusal with its reason, or "unavailable" (with the back end's reason when one did not answer). */
export function fromHall(error: unknown, params?: Record<string, string | number>): Error {
  if (!(error instanceof HallRequestError)) return error as Error;
  if (error.code === 'backend_timeout' || error.code === 'backend_failed')
    return new ServiceError('unavailable', error.message, undefined, error.code, params);
  if (error.status !== null && error.status < 500 && error.status !== 401 && error.code) {
    return new ServiceError('refused', error.message, undefined, error.code);
  }
  // Booking, certificates and lookups need the hall: say so plainly when it cannot be reached.
  return new ServiceError('unavailable', error.message, undefined, error.status === null ? 'hall_unreachable' : undefined);
}
