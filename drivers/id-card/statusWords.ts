// SW3, the reader's own status byte, as the reader manuals list it.

export type SamStatusCode =
  | 'ok'
  | 'card_found'
  | 'checksum_error'
  | 'length_error'
  | 'bad_command'
  | 'unrecognised_error'
  | 'not_authorised'
  | 'card_authentication_failed'
  | 'reader_authentication_failed'
  | 'verification_failed'
  | 'unknown_card_type'
  | 'read_failed'
  | 'random_number_failed'
  | 'sam_self_test_failed'
  | 'reader_not_authorised'
  | 'no_card'
  | 'select_failed'
  | 'field_empty'
  | 'unknown_status';

const byStatusByte: Record<number, [SamStatusCode, string]> = {
  0x90: ['ok', 'operation succeeded'],
  0x9f: ['card_found', 'a card is on the reader'],
  0x10: ['checksum_error', 'the reader received a frame with a wrong checksum'],
  0x11: ['length_error', 'the reader received a frame with a wrong length'],
  0x21: ['bad_command', 'the reader does not accept this command'],
  0x23: ['not_authorised', 'the command is not authorised'],
  0x24: ['unrecognised_error', 'the reader reports an unrecognised error'],
  0x31: ['card_authentication_failed', 'the card failed to authenticate the reader'],
  0x32: ['reader_authentication_failed', 'the reader failed to authenticate the card'],
  0x33: ['verification_failed', 'the card data failed verification'],
  0x40: ['unknown_card_type', 'the card is not an identity card the reader knows'],
  0x41: ['read_failed', 'reading the card failed (was it moved or taken away?)'],
  0x47: ['random_number_failed', 'the card did not give a random number'],
  0x60: ['sam_self_test_failed', 'the reader failed its self-test and accepts no command'],
  0x66: ['reader_not_authorised', 'the reader is not authorised for use'],
  0x80: ['no_card', 'no card on the reader'],
  0x81: ['select_failed', 'selecting the card failed'],
  0x91: ['field_empty', 'the card has no such information'],
};

export interface SamStatus {
  code: SamStatusCode;
  byte: number;
  message: string;
}

export function samStatus(sw3: number): SamStatus {
  const known = byStatusByte[sw3];
  const hex = sw3.toString(16).padStart(2, '0').toUpperCase();
  return known
    ? { code: known[0], byte: sw3, message: `${known[1]} (SW3 ${hex})` }
    : { code: 'unknown_status', byte: sw3, message: `the reader answered with unknown status SW3 ${hex}` };
}

export class SamStatusError extends Error {
  constructor(readonly status: SamStatus) {
    super(status.message);
    this.name = 'SamStatusError';
  }
}
