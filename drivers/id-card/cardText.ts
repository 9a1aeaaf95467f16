import { cardTypeCharIndex, cardTypeMarks, layouts, textBlockBytes, type CardType } from './cardLayouts.js';
import { hasValidCheckCharacter } from './idNumber.js';
import { genderCode, genderOf, nationCode, nationName, type Gender } from './nationCodes.js';

/** What a card says, whatever its type; fields a type lacks are null. */
export interface IdCardText {
  type: CardType;
  /** Chinese name (a foreigner's card may have none: empty string). */
  name: string;
  englishName: string | null;
  gender: Gender | null;
  /** Resident cards only: nation name from its code (汉, 回, …). */
  nation: string | null;
  /** ISO 3166 alpha-3 nationality, foreigner's cards only. */
  nationality: string | null;
  birthDate: string;
  address: string | null;
  /** The card's number: citizen ID number, permit number, or permanent residence number. */
  idNumber: string;
  /** GB 11643 check character, for 18-character numbers; null where the number has none. */
  idNumberValid: boolean | null;
  issuer: string;
  validFrom: string;
  /** "YYYY-MM-DD", or "long-term" for 长期. */
  validTo: string;
  passNumber: string | null;
  issueCount: string | null;
  /** Fields that did not read as what they should be: `birthDate: not a date "2023ab"`. Empty for a good card. */
  problems: string[];
}

const longTerm = '长期';

export function cardTypeOf(block: Buffer): CardType {
  const mark = block.length >= textBlockBytes ? block.toString('utf16le', cardTypeCharIndex * 2, cardTypeCharIndex * 2 + 2) : '';
  if (mark === cardTypeMarks['foreign-permanent']) return 'foreign-permanent';
  if (mark === cardTypeMarks['hk-macao-taiwan']) return 'hk-macao-taiwan';
  return 'resident';
}

/** Reads the 256-byte UCS-2LE text block. Never throws: what does not read right is listed in `problems`. */
export function parseCardText(block: Buffer): IdCardText {
  const problems: string[] = [];
  if (block.length !== textBlockBytes) problems.push(`text block: expected ${textBlockBytes} bytes, got ${block.length}`);
  const padded = Buffer.alloc(textBlockBytes);
  block.copy(padded, 0, 0, textBlockBytes);
  const type = cardTypeOf(padded);
  const raw = readFields(padded, type);
  const field = (name: string) => raw[name] ?? '';

  const gender = genderOf(field('gender'));
  if (gender === null) problems.push(`gender: unknown code ${JSON.stringify(field('gender'))}`);
  let nation: string | null = null;
  if (type === 'resident') {
    nation = nationName(field('nation'));
    if (nation === null) problems.push(`nation: unknown code ${JSON.stringify(field('nation'))}`);
  }
  const idNumber = field('idNumber');
  const idNumberValid = idNumber.length === 18 ? hasValidCheckCharacter(idNumber) : null;
  if (idNumberValid === false) problems.push('idNumber: the check character does not match (GB 11643)');

  return {
    type,
    name: field('name'),
    englishName: type === 'foreign-permanent' ? field('englishName') : null,
    gender,
    nation,
    nationality: type === 'foreign-permanent' ? field('nationality') : null,
    birthDate: cardDate('birthDate', field('birthDate'), problems),
    address: type === 'foreign-permanent' ? null : field('address'),
    idNumber,
    idNumberValid,
    issuer: type === 'foreign-permanent' ? field('issuerCode') : field('issuer'),
    validFrom: cardDate('validFrom', field('validFrom'), problems),
    validTo: field('validTo') === longTerm ? 'long-term' : cardDate('validTo', field('validTo'), problems),
    passNumber: type === 'hk-macao-taiwan' ? field('passNumber') : null,
    issueCount: type === 'hk-macao-taiwan' ? field('issueCount') : null,
    problems,
  };
}

function readFields(block: Buffer, type: CardType): Record<string, string> {
  const fields: Record<string, string> = {};
  let offset = 0;
  for (const slot of layouts[type]) {
    const end = offset + slot.chars * 2;
    fields[slot.field] = block.toString('utf16le', offset, end).replace(/[\s\p{Cc}]+$/u, '');
    offset = end;
  }
  return fields;
}

function cardDate(name: string, value: string, problems: string[]): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) {
    problems.push(`${name}: not a date ${JSON.stringify(value)}`);
    return value;
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** The card's text block as a reader sends it; for the simulator and fixtures. */
export function encodeCardText(card: Omit<IdCardText, 'idNumberValid' | 'problems'>): Buffer {
  const undash = (date: string) => date.replaceAll('-', '');
  const values: Record<string, string> = {
    name: card.name,
    englishName: card.englishName ?? '',
    gender: card.gender ? genderCode(card.gender) : '',
    nation: card.nation ? (nationCode(card.nation) ?? '') : '',
    nationality: card.nationality ?? '',
    birthDate: undash(card.birthDate),
    address: card.address ?? '',
    idNumber: card.idNumber,
    issuer: card.issuer,
    issuerCode: card.issuer,
    validFrom: undash(card.validFrom),
    validTo: card.validTo === 'long-term' ? longTerm : undash(card.validTo),
    passNumber: card.passNumber ?? '',
    issueCount: card.issueCount ?? '',
    cardType: cardTypeMarks[card.type] ?? '',
  };
  const block = Buffer.alloc(textBlockBytes, 0);
  let offset = 0;
  for (const slot of layouts[card.type]) {
    const text = (values[slot.field] ?? '').slice(0, slot.chars).padEnd(slot.chars, ' ');
    block.write(text, offset, slot.chars * 2, 'utf16le');
    offset += slot.chars * 2;
  }
  return block;
}
