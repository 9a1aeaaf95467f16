/**
 * How an ID number appears on screens, receipts and logs: the first 3 and the
 * last 4 characters, the rest starred. Too short to mask safely: all starred.
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 7) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${'*'.repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}
