import { describe, expect, it } from 'vitest';
import type { Heartbeat, OpenAlert } from '../../main/contract/health.js';
import { alertsOfBeat, beatChanges, diskAlertOfBeat, transition } from '../../upstream/health/healthTransitions.js';
import { terminalsTable } from '../../main/cli/formatTerminals.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 29, 8, 0, seconds));

const beat = (changes: Partial<Heartbeat> = {}): Heartbeat => ({
  terminalId: 'K-01',
  version: '0.1.0',
  uptimeSeconds: 60,
  role: 'kiosk',
  window: null,
  intervalSeconds: 30,
  devices: [
    { role: 'receiptPrinter', state: 'ready', detail: null },
    { role: 'idCardReader', state: 'ready', detail: null },
  ],
  backlog: { events: 0, oldestAt: null, byType: {} },
  lastPullAt: null,
  configApplied: 0,
  freeDiskBytes: null,
  freeMemoryBytes: 1,
  screen: 'kiosk/home',
  ...changes,
});

describe('health transitions', () => {
  it('raises a device alert once, raises it again when its detail changes (keeping its start), and recovers it', () => {
    const low = alertsOfBeat(beat({ devices: [{ role: 'receiptPrinter', state: 'warning', detail: 'paper_near_end' }] }), 100);
    const first = transition([], low, at(0));
    expect(first.raised).toEqual([
      { kind: 'device', device: 'receiptPrinter', state: 'warning', detail: 'paper_near_end', since: at(0).toISOString() },
    ]);
    expect(transition(first.alerts, low, at(30)).raised).toEqual([]);
    const out = alertsOfBeat(beat({ devices: [{ role: 'receiptPrinter', state: 'fault', detail: 'paper_out' }] }), 100);
    const worse = transition(first.alerts, out, at(60));
    expect(worse.raised).toEqual([
      { kind: 'device', device: 'receiptPrinter', state: 'fault', detail: 'paper_out', since: at(0).toISOString() },
    ]);
    const back = transition(worse.alerts, alertsOfBeat(beat(), 100), at(90));
    expect(back.alerts).toEqual([]);
    expect(back.recovered.map((alert) => alert.detail)).toEqual(['paper_out']);
  });

  it('raises a backlog alert only past the threshold', () => {
    expect(alertsOfBeat(beat({ backlog: { events: 100, oldestAt: null, byType: {} } }), 100)).toEqual([]);
    expect(alertsOfBeat(beat({ backlog: { events: 101, oldestAt: null, byType: {} } }), 100)).toEqual([
      { kind: 'backlog', device: null, state: null, detail: '101 events waiting' },
    ]);
  });

  it('raises a disk alert under the floor and clears it only a tenth above it', () => {
    const mb = (count: number) => beat({ freeDiskBytes: count * 1024 * 1024 });
    expect(diskAlertOfBeat(mb(500), 500, [])).toEqual([]);
    const low = diskAlertOfBeat(mb(499), 500, []);
    expect(low).toEqual([{ kind: 'disk', device: null, state: null, detail: 'less than 500 MB free' }]);
    const open = transition([], low, at(0)).alerts;
    expect(diskAlertOfBeat(mb(549), 500, open)).toEqual(low);
    expect(diskAlertOfBeat(mb(551), 500, open)).toEqual([]);
    expect(diskAlertOfBeat(beat({ freeDiskBytes: null }), 500, open)).toEqual(open);
    expect(terminalsTableAlert(open[0]!)).toBe('disk less than 500 MB free (08:00:00)');
  });

  it('remembers what changed, not what moves every beat', () => {
    expect(
      beatChanges(beat(), beat({ uptimeSeconds: 90, freeMemoryBytes: 5, backlog: { events: 3, oldestAt: null, byType: {} } })),
    ).toEqual([]);
    expect(beatChanges(beat(), beat({ screen: 'setup', version: '0.2.0' }))).toEqual([{ version: '0.2.0' }, { screen: 'setup' }]);
  });

  it('prints the operations view as a table, alerting terminals as the overview orders them', () => {
    const table = terminalsTable({
      at: at(0).toISOString(),
      terminals: [
        {
          terminalId: 'K-01',
          role: 'kiosk',
          window: null,
          online: true,
          lastBeatAt: at(0).toISOString(),
          version: '0.1.0',
          uptimeSeconds: 60,
          screen: 'kiosk/home',
          devices: [],
          backlog: 2,
          oldestEventAt: null,
          lastPullAt: null,
          config: { published: 4, applied: 3 },
          freeDiskBytes: null,
          freeMemoryBytes: 1,
          alerts: [{ kind: 'device', device: 'receiptPrinter', state: 'fault', detail: 'paper_out', since: at(5).toISOString() }],
        },
      ],
    });
    expect(table.split('\n')).toEqual([
      'TERMINAL  ROLE   STATE  LAST BEAT (UTC)      ALERTS (SINCE)                       VERSION  CONFIG PUB/APPLIED  BACKLOG  SCREEN',
      'K-01      kiosk  ALERT  2026-11-29 08:00:00  receiptPrinter paper_out (08:00:05)  0.1.0    4/3                 2        kiosk/home',
    ]);
  });
});

function terminalsTableAlert(alert: OpenAlert): string {
  const table = terminalsTable({
    at: at(0).toISOString(),
    terminals: [
      {
        terminalId: 'K-01',
        role: 'kiosk',
        window: null,
        online: true,
        lastBeatAt: at(0).toISOString(),
        version: '0.1.0',
        uptimeSeconds: 60,
        screen: null,
        devices: [],
        backlog: 0,
        oldestEventAt: null,
        lastPullAt: null,
        config: { published: 0, applied: 0 },
        freeDiskBytes: 1,
        freeMemoryBytes: 1,
        alerts: [alert],
      },
    ],
  });
  return table.split('\n')[1]!.split(/ {2,}/)[4]!;
}
