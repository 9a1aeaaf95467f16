// The citizen identification number of GB 11643: 17 digits and a check
// character computed from them (ISO 7064 MOD 11-2).

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** The check character for the first 17 digits, or null if they are not 17 digits. */
export function idNumberCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * weights[index]!;
  return checkCharacters[sum % 11]!;
}

/** Whether an 18-character number carries the right check character (x and X both accepted). */
export function hasValidCheckCharacter(idNumber: string): boolean {
  if (idNumber.length !== 18) return false;
  return idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber[17]!.toUpperCase();
}
