import type { TFunction } from 'i18next';
import type { DeviceTestResult } from '../../main/contract/deviceTest';

/** A device test's outcome in the screen's language: "OK: printed a test page (job …)". */
export function deviceTestText(t: TFunction, result: DeviceTestResult): string {
  return t('setup.testResult', {
    verdict: t(result.ok ? 'setup.testOk' : 'setup.testFailed'),
    message: t(`setup.deviceTest.${result.code}`, { detail: result.detail }),
  });
}
