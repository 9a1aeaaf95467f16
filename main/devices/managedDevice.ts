import type { DeviceTestResult } from '../contract/deviceTest.js';
import type { DeviceDetail, DeviceRole } from '../contract/status.js';

export interface DeviceHealth {
  state: 'ready' | 'warning' | 'fault';
  detail: DeviceDetail | null;
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
  /** Never shows an unmasked ID number. */
  test(): Promise<DeviceTestResult>;
  disconnect(): Promise<void>;
  /** Removes what the device keeps across reconnects (a simulator's spool folder): when the host stops. */
  dispose?(): Promise<void>;
}

/** Done with a device for good: its connection closed, then what it kept across reconnects removed. */
export async function releaseDevice(device: ManagedDevice): Promise<void> {
  await device.disconnect().catch(() => undefined);
  await device.dispose?.().catch(() => undefined);
}
