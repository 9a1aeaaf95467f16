import type { AlertMessage, Heartbeat, OpenAlert } from '../../main/contract/health.js';

/** An alert as the terminal's state asks for it, before it has a start time. */
export type WantedAlert = Omit<OpenAlert, 'since'>;

/** What one beat or one missed deadline changed: the alerts now open, the ones raised or recovered, and the history lines. */
export interface Transition {
  alerts: OpenAlert[];
  raised: OpenAlert[];
  recovered: OpenAlert[];
  changes: Record<string, unknown>[];
}

const keyOf = (alert: Pick<OpenAlert, 'kind' | 'device'>) => (alert.kind === 'device' ? `device:${alert.device}` : alert.kind);

/** The alerts a beat calls for: each device not ready (paper low counts: someone should bring paper), and a backlog over the threshold. */
export function alertsOfBeat(beat: Heartbeat, backlogThreshold: number): WantedAlert[] {
  const wanted: WantedAlert[] = beat.devices
    .filter((device) => device.state === 'warning' || device.state === 'fault')
    .map((device) => ({ kind: 'device', device: device.role, state: device.state, detail: device.detail }));
  if (beat.backlog.events > backlogThreshold)
    wanted.push({ kind: 'backlog', device: null, state: null, detail: `${beat.backlog.events} events waiting` });
  return wanted;
}

/**
 * The disk alert a beat calls for: free space under the floor. An open one
 * stays until the space is a tenth above the floor again, so a disk hovering
 * at the floor does not raise and recover it with every beat. Its detail
 * names the floor, not the bytes free, which move every beat.
 */
export function diskAlertOfBeat(beat: Heartbeat, floorMegabytes: number, open: readonly OpenAlert[]): WantedAlert[] {
  if (beat.freeDiskBytes === null) return open.filter((alert) => alert.kind === 'disk');
  const floor = floorMegabytes * 1024 * 1024;
  const clearsAt = open.some((alert) => alert.kind === 'disk') ? floor * 1.1 : floor;
  return beat.freeDiskBytes < clearsAt ? [{ kind: 'disk', device: null, state: null, detail: `less than ${floorMegabytes} MB free` }] : [];
}

/**
 * Moves from the open alerts to the wanted ones. An alert whose state or
 * detail changes (paper low → paper out) is raised again, keeping its start;
 * one that stays the same is no change, and no message goes out for it.
 */
export function transition(open: readonly OpenAlert[], wanted: readonly WantedAlert[], at: Date): Transition {
  const since = at.toISOString();
  const before = new Map(open.map((alert) => [keyOf(alert), alert]));
  const after = new Map(wanted.map((alert) => [keyOf(alert), alert]));
  const alerts: OpenAlert[] = [];
  const raised: OpenAlert[] = [];
  const recovered: OpenAlert[] = [];
  for (const [key, alert] of after) {
    const previous = before.get(key);
    const kept: OpenAlert = { ...alert, since: previous?.since ?? since };
    alerts.push(kept);
    if (!previous || previous.state !== alert.state || previous.detail !== alert.detail) raised.push(kept);
  }
  for (const [key, alert] of before) if (!after.has(key)) recovered.push(alert);
  const changes = [
    ...raised.map((alert) => ({ alert: keyOf(alert), raised: alert.detail ?? alert.state })),
    ...recovered.map((alert) => ({ alert: keyOf(alert), recovered: true })),
  ];
  return { alerts, raised, recovered, changes };
}

/** The fields of a beat whose change is history (backlog, memory and uptime move every beat and are not). */
const remembered = ['version', 'role', 'window', 'screen', 'configApplied', 'devices'] as const;

export function beatChanges(previous: Heartbeat | null, beat: Heartbeat): Record<string, unknown>[] {
  if (!previous) return [{ firstBeat: true, version: beat.version, screen: beat.screen }];
  return remembered
    .filter((field) => JSON.stringify(previous[field]) !== JSON.stringify(beat[field]))
    .map((field) => ({ [field]: beat[field] }));
}

function describe(alert: OpenAlert, terminalId: string, event: AlertMessage['event']): string {
  const what =
    alert.kind === 'offline'
      ? 'offline'
      : alert.kind === 'backlog'
        ? 'outbox backlog'
        : alert.kind === 'disk'
          ? `disk, ${alert.detail}`
          : `${alert.device} ${alert.detail ?? alert.state}`;
  return event === 'raised' ? `${terminalId}: ${what}` : `${terminalId}: recovered from ${what}`;
}

/** The webhook message of one raised or recovered alert. */
export function alertMessage(id: string, terminalId: string, alert: OpenAlert, event: AlertMessage['event'], at: Date): AlertMessage {
  return {
    id,
    event,
    kind: alert.kind,
    terminalId,
    device: alert.device,
    detail: alert.detail ?? alert.state,
    at: at.toISOString(),
    text: describe(alert, terminalId, event),
  };
}
