/**
 * How an ID number appears on screens, receipts and logs: the first 3 and the
 * last 4 characters, the rest starred. Too short to mask safely: all starred.
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 7) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${'*'.repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}

/** How a name appears on screens and receipts: its first character, the rest starred (王小明 → 王**). */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return characters.join('');
  return characters[0] + '*'.repeat(characters.length - 1);
}

/** Full years of age on `today` (YYYY-MM-DD) of someone born on `birthDate` (YYYY-MM-DD); null for a date that is not one. */
export function ageOn(birthDate: string, today: string): number | null {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const now = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!birth || !now) return null;
  const age = Number(now[1]) - Number(birth[1]) - (`${now[2]}${now[3]}` < `${birth[2]}${birth[3]}` ? 1 : 0);
  return age >= 0 ? age : null;
}

/** Age from which a citizen is served with priority (老年人优先). */
export const seniorAge = 60;
