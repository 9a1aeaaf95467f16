import type { KeypadKey } from '../../ui/Keypad';

/** The wizard's keypads: a hall or printer address, a one-time code, a fingerprint's hex digits, a subnet. */
export const addressKeys: readonly KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', ':', 'clear', 'back'];
export const codeKeys: readonly KeypadKey[] = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 'clear', 'back'];
export const hexKeys: readonly KeypadKey[] = [...'0123456789ABCDEF', 'clear', 'back'];
export const subnetKeys: readonly KeypadKey[] = [...addressKeys.slice(0, 12), '/', 'clear', 'back'];
