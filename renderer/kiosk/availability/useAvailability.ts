import type { Availability, UnmetNeed } from '../../../main/contract/availability';
import { useRpcQuery } from '../../client/hostContext';

/** The host's word on which services work now; re-read whenever a device, the hall link or the hall's settings change. */
export function useAvailability(): {
  availability: Availability | undefined;
  unmet: (service: string) => UnmetNeed | null;
} {
  const { data } = useRpcQuery('status.availability', {}, ['status.changed', 'terminal.changed']);
  return { availability: data, unmet: (service) => data?.services.find((entry) => entry.service === service)?.unmet ?? null };
}
