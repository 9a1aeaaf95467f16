import { describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../main/contract/health.js';
import { alertsOfBeat, beatChanges, transition } from '../../upstream/health/healthTransitions.js';
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
