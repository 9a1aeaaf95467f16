import { describe, expect, it } from 'vitest';
import { conditionOf, parseJobIds, parseQueueState, parseRequestId } from '../../../drivers/cups/cupsOutput.js';

describe("CUPS tools' output", () => {
  it('reads the job id lp prints', () => {
    expect(parseRequestId('request id is Hall_A4-42 (1 file(s))\n')).toBe('Hall_A4-42');
    expect(parseRequestId('lp: error')).toBeNull();
  });

  it('reads job lists and queue state with its alerts', () => {
    expect(parseJobIds('Hall_A4-41   kiosk   2048   Tue 25 Nov 2026\nHall_A4-42   kiosk   1024   Tue 25 Nov 2026\n')).toEqual([
      'Hall_A4-41',
      'Hall_A4-42',
    ]);
    const jammed = 'printer Hall_A4 is idle.  enabled since Tue 25 Nov 2026\n\tForm mounted:\n\tAlerts: media-jam-error offline-report\n';
    expect(parseQueueState(jammed)).toEqual({ enabled: true, reasons: ['media-jam-error', 'offline-report'] });
    expect(parseQueueState('printer Hall_A4 disabled since Tue 25 Nov 2026 -\n\treason unknown\n')).toEqual({
      enabled: false,
      reasons: [],
    });
    expect(parseQueueState('printer Q is idle.  enabled since X\n\tAlerts: none\n')).toEqual({ enabled: true, reasons: [] });
  });

  it('maps printer-state-reasons to what the kiosk says', () => {
    expect(conditionOf({ enabled: true, reasons: [] })).toBe('ready');
    expect(conditionOf({ enabled: true, reasons: ['media-empty-error'] })).toBe('paper_out');
    expect(conditionOf({ enabled: true, reasons: ['media-jam-error'] })).toBe('media_jam');
    expect(conditionOf({ enabled: true, reasons: ['door-open-warning'] })).toBe('cover_open');
    expect(conditionOf({ enabled: true, reasons: ['media-low-report'] })).toBe('paper_near_end');
    expect(conditionOf({ enabled: true, reasons: ['offline-report', 'media-low'] })).toBe('offline');
    expect(conditionOf({ enabled: false, reasons: [] })).toBe('offline');
  });
});
