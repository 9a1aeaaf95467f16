import type { DeviceRole, DeviceStatus, HallLinkState, TerminalStatus } from '../../contract/status.js';
import type { EventHub } from '../../transport/eventHub.js';

/**
 * What the status strip shows: the link to the hall server and each fitted
 * device. The device manager (and, with its issue, the sync layer) report in;
 * every change goes to the screens as `status.changed`. Until a device has
 * been checked it is `unknown`, and the hall link is offline until reached:
 * the strip never claims more than the terminal knows.
 */
export class StatusService {
  #status: TerminalStatus;

  constructor(
    fittedDevices: readonly DeviceRole[],
    private readonly events: EventHub,
  ) {
    this.#status = {
      hall: { state: 'offline', lastContactAt: null, backlog: 0, lastPushAt: null },
      devices: fittedDevices.map((role) => ({ role, state: 'unknown', detail: null })),
    };
  }

  get(): TerminalStatus {
    return structuredClone(this.#status);
  }

  /** Contact times move on with every ping; the screens hear only of changes of state. */
  reportHall(state: HallLinkState, at: Date): void {
    const changed = state !== this.#status.hall.state;
    const lastContactAt = state === 'online' ? at.toISOString() : this.#status.hall.lastContactAt;
    this.#status = { ...this.#status, hall: { ...this.#status.hall, state, lastContactAt } };
    if (changed) this.events.emit('status.changed', this.get());
  }

  /** The outbox's size, after a push or an append; the screens hear when it changes. */
  reportBacklog(backlog: number, pushedAt: Date | null): void {
    const hall = this.#status.hall;
    const lastPushAt = pushedAt ? pushedAt.toISOString() : hall.lastPushAt;
    if (backlog === hall.backlog && lastPushAt === hall.lastPushAt) return;
    this.#status = { ...this.#status, hall: { ...hall, backlog, lastPushAt } };
    if (backlog !== hall.backlog) this.events.emit('status.changed', this.get());
  }

  /** Returns whether this changed the device's status. */
  reportDevice(status: DeviceStatus): boolean {
    const current = this.#status.devices.find((device) => device.role === status.role);
    if (!current || (current.state === status.state && current.detail === status.detail)) return false;
    this.#status = {
      ...this.#status,
      devices: this.#status.devices.map((device) => (device.role === status.role ? status : device)),
    };
    this.events.emit('status.changed', this.get());
    return true;
  }
}
