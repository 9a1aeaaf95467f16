import type { DeviceDetail, DeviceRole } from '../contract/status.js';

export interface DeviceHealth {
  state: 'ready' | 'warning' | 'fault';
  detail: DeviceDetail | null;
}

/** What a technician's "test" button or `onewindow devices test` reports. */
export interface DeviceTestResult {
  ok: boolean;
  /** Plain words for the technician; never an unmasked ID number. */
  message: string;
}

/**
 * One fitted device as the device manager drives it. `connect` opens the
 * transport; `check` asks the device how it is (throws when it does not
 * answer); `test` does what the setup screen's test button does.
 */
export interface ManagedDevice {
  readonly role: DeviceRole;
  /** Where it is, for logs and setup: a path, host:port or "simulator". */
  readonly address: string;
  connect(): Promise<void>;
  check(): Promise<DeviceHealth>;
  test(): Promise<DeviceTestResult>;
  disconnect(): Promise<void>;
}
