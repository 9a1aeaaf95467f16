import { releaseDevice } from '../../../devices/managedDevice.js';
import { mkdir } from 'node:fs/promises';
import { ZodError } from 'zod';
import { terminalConfigSchema, type TerminalConfigInput } from '../../../../kiosk-config/terminalConfigSchema.js';
import { writeTerminalConfig } from '../../../../kiosk-config/writeTerminalConfig.js';
import type { Logger } from '../../../../lib/logger.js';
import { issuesFromZod, ServiceError } from '../../../contract/errors.js';
import { decodeEnrollmentPayload, type EnrollmentPayload } from '../../../contract/terminalSlot.js';
import type { WizardBinding, WizardJoined, WizardState } from '../../../contract/setupWizard.js';
import type { DeviceRole } from '../../../contract/status.js';
import { deviceTestError, type DeviceTestResult } from '../../../contract/deviceTest.js';
import type { Locale } from '../../../contract/terminal.js';
import { createManagedDevices } from '../../../devices/createManagedDevices.js';
import { discoverForWizard } from '../../../devices/wizardDiscovery.js';
import { enrollInSlot, HallRequestError } from '../../../sync/hallClient.js';
import { saveIdentity } from '../../../sync/identityStore.js';
import { presentedFingerprint } from '../../../sync/pinnedAgent.js';

export interface SetupWizardOptions {
  /** Where the configuration is written. */
  configFile: string;
  dataDir: string;
  logger: Logger;
  /** Starts the terminal from the written configuration, in this process: no restart. */
  onConfigured(): Promise<void>;
}

const invalid = (error: ZodError, what: string) =>
  new ServiceError(
    'invalid_input',
    `${what}: ${issuesFromZod(error)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ')}`,
  );

/**
 * A bare terminal's first start: join a hall with its enrollment QR payload
 * (the hall assigns id, role and window), find and try the devices, then
 * write the configuration and become that terminal.
 */
export class SetupWizard {
  #joined: WizardJoined | null = null;
  readonly #passed = new Map<DeviceRole, string>();
  #configured = false;

  constructor(private readonly options: SetupWizardOptions) {}

  state(): WizardState {
    return {
      unconfigured: !this.#configured,
      joined: this.#joined,
      passed: [...this.#passed].map(([role, port]) => ({ role, port })),
    };
  }

  /**
   * The fingerprint to pin: the QR code's whole one, or, typed by hand, the
   * one the hall presents when it begins with the digits typed (else refused,
   * showing how it does begin, so a wrong address is found at once).
   */
  async #fingerprintOf(payload: EnrollmentPayload): Promise<string | null> {
    if (payload.fingerprint || !payload.fingerprintStart) return payload.fingerprint;
    if (new URL(payload.hall).protocol !== 'https:')
      throw new ServiceError('invalid_input', 'a certificate fingerprint is for an https:// hall');
    const presented = await presentedFingerprint(payload.hall).catch((error: unknown) => {
      throw new ServiceError('unavailable', (error as Error).message);
    });
    const start = payload.fingerprintStart;
    if (!presented.replace(/:/g, '').startsWith(start)) {
      const shown = presented.replace(/:/g, '').slice(0, start.length);
      throw new ServiceError(
        'refused',
        `the hall at ${new URL(payload.hall).origin} presented a certificate whose fingerprint begins ${shown}, not ${start}: check the address and the digits on the hall's terminals page`,
      );
    }
    return presented;
  }

  async join(text: string): Promise<WizardJoined> {
    let payload;
    try {
      payload = decodeEnrollmentPayload(text);
    } catch (error) {
      if (error instanceof ZodError) throw invalid(error, 'not an enrollment code of a hall');
      throw error;
    }
    try {
      const { identity, binding } = await enrollInSlot(payload.hall, payload.code, await this.#fingerprintOf(payload));
      if (!binding) throw new ServiceError('unavailable', 'the hall assigned no role: ask for a new code');
      await mkdir(this.options.dataDir, { recursive: true });
      await saveIdentity(this.options.dataDir, identity);
      this.#joined = {
        terminalId: identity.terminalId,
        role: binding.role,
        window: binding.role === 'counter' ? binding.window : null,
        hall: payload.hall,
      };
      this.options.logger.info({ terminalId: identity.terminalId, role: binding.role, hall: payload.hall }, 'joined the hall');
      return this.#joined;
    } catch (error) {
      if (error instanceof HallRequestError)
        throw new ServiceError(error.status === 401 ? 'forbidden' : 'unavailable', `the hall refused: ${error.message}`);
      throw error;
    }
  }

  discover(tcpTargets: readonly string[]) {
    this.#requireJoined();
    return discoverForWizard(tcpTargets);
  }

  /** Tries a device live in its role: the same test the setup screen's button runs (a receipt with the terminal id and time). */
  async test(binding: Pick<WizardBinding, 'role' | 'port'>): Promise<DeviceTestResult> {
    const joined = this.#requireJoined();
    const config = this.#config(joined, 'zh-CN', [binding]);
    const [device] = createManagedDevices(terminalConfigSchema.parse(config), { onScan: () => undefined });
    if (!device) return deviceTestError(`no driver for ${binding.role}`);
    try {
      await device.connect();
      const result = await device.test();
      if (result.ok) this.#passed.set(binding.role, binding.port);
      else this.#passed.delete(binding.role);
      return result;
    } catch (error) {
      this.#passed.delete(binding.role);
      return deviceTestError(error);
    } finally {
      await releaseDevice(device);
    }
  }

  /** Writes the configuration: only bindings that passed their test, or that the technician confirmed failing with a reason. */
  async finish(locale: Locale, bindings: readonly WizardBinding[]): Promise<{ role: string }> {
    const joined = this.#requireJoined();
    for (const binding of bindings) {
      if (this.#passed.get(binding.role) === binding.port) continue;
      if (!binding.confirmedFailing)
        throw new ServiceError(
          'invalid_input',
          `${binding.role}: ${binding.port} has not passed its test; test it or confirm it as failing with a reason`,
        );
      this.options.logger.warn(
        { role: binding.role, port: binding.port, reason: binding.confirmedFailing },
        'saved a device that failed its test',
      );
    }
    const config = this.#config(joined, locale, bindings);
    try {
      await writeTerminalConfig(this.options.configFile, config);
    } catch (error) {
      if (error instanceof ZodError) throw invalid(error, 'the configuration would be invalid');
      throw error;
    }
    this.#configured = true;
    await this.options.onConfigured();
    return { role: joined.role };
  }

  #requireJoined(): WizardJoined {
    if (!this.#joined) throw new ServiceError('forbidden', 'join a hall first');
    return this.#joined;
  }

  #config(joined: WizardJoined, locale: Locale, bindings: readonly Pick<WizardBinding, 'role' | 'port'>[]): TerminalConfigInput {
    const devices = Object.fromEntries(
      bindings.map(({ role, port }) => [role, role === 'ledDisplay' ? { port, address: joined.window ?? 1 } : { port }]),
    );
    return {
      terminalId: joined.terminalId,
      hallId: new URL(joined.hall).hostname.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 32),
      role: joined.role,
      ...(joined.window !== null ? { windowNumber: joined.window } : {}),
      locale,
      upstream: joined.hall,
      devices,
    };
  }
}
