import type { Availability, ServiceNeed, UnmetNeed } from '../../contract/availability.js';
import type { LocalizedText } from '../../contract/terminal.js';
import type { TerminalStatus } from '../../contract/status.js';

/**
 * What each home-screen service cannot work without. A ticket and a
 * convenience request end in a printed slip; a certificate in an A4 print
 * issued by the hall; bookings and lookups ask the hall. Browsing the
 * catalogue needs nothing: it is the terminal's own copy.
 */
export const serviceNeeds: Readonly<Record<string, readonly ServiceNeed[]>> = {
  'take-number': ['receiptPrinter'],
  certificates: ['hall', 'documentPrinter'],
  appointments: ['hall'],
  'social-security': ['hall'],
  transport: ['hall'],
  convenience: ['hall', 'receiptPrinter'],
};

function unmetNeed(need: ServiceNeed, status: TerminalStatus): UnmetNeed | null {
  if (need === 'hall') return status.hall.state === 'online' ? null : { need, detail: 'unreachable' };
  const device = status.devices.find((candidate) => candidate.role === need);
  if (!device) return { need, detail: 'not_fitted' };
  // Unknown (not checked yet) and warning (paper near its end) still serve: the screen claims no more than the terminal knows.
  if (device.state !== 'fault') return null;
  return { need, detail: device.detail ?? 'fault' };
}

/**
 * Which of the kiosk's services work now, and why not where one does not;
 * out of service when every service that needs something is unavailable.
 */
export function availabilityOf(
  status: TerminalStatus,
  enabledServices: readonly string[],
  staffedWindow: LocalizedText | null,
): Availability {
  const offered = ['take-number', ...enabledServices];
  // A box whose slot went to a new box no longer counts at the hall: a ticket it printed from its
  // leased numbers would never be called, so it offers nothing and says why.
  if (status.hall.state === 'replaced') {
    const unmet = { need: 'hall', detail: 'replaced' } as const;
    return { services: offered.map((service) => ({ service, unmet })), outOfService: true, staffedWindow };
  }
  const services = offered.map((service) => {
    const needs = serviceNeeds[service] ?? [];
    const unmet = needs.map((need) => unmetNeed(need, status)).find((found) => found !== null) ?? null;
    return { service, unmet };
  });
  const needing = services.filter(({ service }) => (serviceNeeds[service] ?? []).length > 0);
  return { services, outOfService: needing.length > 0 && needing.every(({ unmet }) => unmet !== null), staffedWindow };
}
