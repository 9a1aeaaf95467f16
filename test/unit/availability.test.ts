import { describe, expect, it } from 'vitest';
import type { DeviceStatus, HallLinkState, TerminalStatus } from '../../main/contract/status.js';
import { availabilityOf } from '../../main/services/status/availability.js';

const services = ['government-services', 'certificates', 'appointments', 'social-security', 'convenience', 'transport'];
const window1 = { 'zh-CN': '1 号窗口（一楼东侧）', en: 'Window 1 (ground floor, east)' };

function status(hall: HallLinkState, devices: DeviceStatus[]): TerminalStatus {
  return { hall: { state: hall, lastContactAt: null, backlog: 0, lastPushAt: null }, devices };
}
const ready = (role: DeviceStatus['role']): DeviceStatus => ({ role, state: 'ready', detail: null });
const kioskDevices = [ready('idCardReader'), ready('receiptPrinter'), ready('documentPrinter')];
const unmetOf = (availability: ReturnType<typeof availabilityOf>) =>
  Object.fromEntries(availability.services.map(({ service, unmet }) => [service, unmet]));

describe('what the kiosk home offers', () => {
  it('offers everything when the hall answers and every device is ready (or not checked yet, or only warning)', () => {
    const all = availabilityOf(status('online', kioskDevices), services, null);
    expect(all.outOfService).toBe(false);
    expect(all.services.every(({ unmet }) => unmet === null)).toBe(true);
    const early = availabilityOf(
      status('online', [
        { role: 'receiptPrinter', state: 'unknown', detail: null },
        { role: 'documentPrinter', state: 'warning', detail: 'paper_near_end' },
      ]),
      services,
      null,
    );
    expect(early.services.every(({ unmet }) => unmet === null)).toBe(true);
  });

  it('without paper there is no ticket and no request receipt, with the printer and its detail as the reason', () => {
    const availability = availabilityOf(
      status('online', [ready('idCardReader'), { role: 'receiptPrinter', state: 'fault', detail: 'paper_out' }, ready('documentPrinter')]),
      services,
      window1,
    );
    expect(unmetOf(availability)).toEqual({
      'take-number': { need: 'receiptPrinter', detail: 'paper_out' },
      'government-services': null,
      certificates: null,
      appointments: null,
      'social-security': null,
      convenience: { need: 'receiptPrinter', detail: 'paper_out' },
      transport: null,
    });
    expect(availability.outOfService).toBe(false);
    expect(availability.staffedWindow).toEqual(window1);
  });

  it('without the hall there are no bookings, certificates, lookups or requests, but tickets still print from leased blocks', () => {
    const unmet = unmetOf(availabilityOf(status('offline', kioskDevices), services, null));
    expect(unmet['take-number']).toBeNull();
    for (const service of ['certificates', 'appointments', 'social-security', 'transport', 'convenience'])
      expect(unmet[service]).toEqual({ need: 'hall', detail: 'unreachable' });
  });

  it('a device the kiosk does not have is named as not fitted', () => {
    const unmet = unmetOf(availabilityOf(status('online', [ready('receiptPrinter')]), ['certificates'], null));
    expect(unmet.certificates).toEqual({ need: 'documentPrinter', detail: 'not_fitted' });
  });

  it('is out of service when nothing that needs something works; browsing the catalogue alone does not keep it in service', () => {
    const down = status('offline', [{ role: 'receiptPrinter', state: 'fault', detail: 'cover_open' }, ready('documentPrinter')]);
    expect(availabilityOf(down, services, window1).outOfService).toBe(true);
    expect(availabilityOf(status('offline', kioskDevices), services, window1).outOfService).toBe(false);
  });

  it('a box whose slot went to a new box offers nothing, not even a ticket, and says why', () => {
    const availability = availabilityOf(status('replaced', kioskDevices), services, window1);
    expect(availability.outOfService).toBe(true);
    expect(new Set(Object.values(unmetOf(availability)))).toEqual(new Set([{ need: 'hall', detail: 'replaced' }]));
    expect(Object.keys(unmetOf(availability))).toEqual(['take-number', ...services]);
  });
});
