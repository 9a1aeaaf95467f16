import { setupPinKey } from '../../contract/setupPin.js';
import { generatePin, hashPin } from '../../services/setup/pinHash.js';
import type { ChangeLog } from '../../../upstream/entry/index.js';

/**
 * Issues a terminal a new random setup PIN: only its scrypt hash goes into
 * the hall's config scope (which the terminal pulls, and which lifts a
 * lockout there); the PIN itself is returned once, to be shown to the
 * technician, and kept nowhere.
 */
export async function issueSetupPin(changes: ChangeLog, terminalId: string, digits = 8): Promise<string> {
  const pin = generatePin(digits);
  await changes.set('config', setupPinKey(terminalId), await hashPin(pin));
  return pin;
}
