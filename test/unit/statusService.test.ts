import { describe, expect, it } from 'vitest';
import { StatusService } from '../../main/services/status/statusService.js';
import { EventHub } from '../../main/transport/eventHub.js';

describe('status service', () => {
  it('tells the screens of changes only: hall online/offline, backlog size, device state', () => {
    const events = new EventHub();
    const told: unknown[] = [];
    events.subscribe((event, payload) => told.push(payload));
    const status = new StatusService(['receiptPrinter'], events);
    status.reportHall('online', new Date('2026-11-25T01:00:00Z'));
    status.reportHall('online', new Date('2026-11-25T01:00:05Z'));
    expect(told).toHaveLength(1);
    expect(status.get().hall).toEqual({ state: 'online', lastContactAt: '2026-11-25T01:00:05.000Z', backlog: 0, lastPushAt: null });
    status.reportBacklog(3, null);
    status.reportBacklog(0, new Date('2026-11-25T01:00:06Z'));
    expect(status.get().hall).toMatchObject({ backlog: 0, lastPushAt: '2026-11-25T01:00:06.000Z' });
    expect(told).toHaveLength(3);
    status.reportHall('offline', new Date('2026-11-25T01:01:00Z'));
    expect(status.get().hall).toMatchObject({ state: 'offline', lastContactAt: '2026-11-25T01:00:05.000Z' });
    expect(status.reportDevice({ role: 'receiptPrinter', state: 'fault', detail: 'paper_out' })).toBe(true);
    expect(status.reportDevice({ role: 'receiptPrinter', state: 'fault', detail: 'paper_out' })).toBe(false);
    expect(told).toHaveLength(5);
  });
});
