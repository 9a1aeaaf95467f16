import type { IdCard } from '../../drivers/id-card/samReader.js';
import { maskIdNumber } from '../contract/identity.js';

const typeNames: Record<IdCard['type'], string> = {
  resident: '居民身份证 resident ID card',
  'hk-macao-taiwan': '港澳台居民居住证 Hong Kong/Macao/Taiwan residence permit',
  'foreign-permanent': '外国人永久居留身份证 foreigner permanent residence card',
};

const genderNames = { male: '男 male', female: '女 female', unknown: '未知 unknown', unspecified: '未说明 unspecified' };

/** The card as a technician reads it in a terminal; the photo is never printed, the ID number masked unless asked. */
export function cardForPeople(card: IdCard, unmasked: boolean): string {
  const idNumber = unmasked ? card.idNumber : maskIdNumber(card.idNumber);
  const check = card.idNumberValid === null ? '' : card.idNumberValid ? ' (check digit OK)' : ' (CHECK DIGIT WRONG)';
  const lines: [string, string | null][] = [
    ['证件类型 Card type', typeNames[card.type]],
    ['姓名 Name', card.name || null],
    ['英文姓名 English name', card.englishName],
    ['性别 Gender', card.gender ? genderNames[card.gender] : null],
    ['民族 Nation', card.nation],
    ['国籍 Nationality', card.nationality],
    ['出生 Birth date', card.birthDate],
    ['住址 Address', card.address],
    ['证件号码 Number', `${idNumber}${check}`],
    ['通行证号码 Pass number', card.passNumber],
    ['签发机关 Issuer', card.issuer],
    ['有效期限 Valid', `${card.validFrom} – ${card.validTo === 'long-term' ? '长期 long-term' : card.validTo}`],
    ['照片 Photo', `${card.photo.length} bytes (kept in memory only)`],
  ];
  const shown = lines.filter((line): line is [string, string] => line[1] !== null).map(([label, value]) => `${label}: ${value}`);
  if (card.problems.length > 0) shown.push(`Problems: ${card.problems.join('; ')}`);
  return shown.join('\n');
}

export function cardAsJson(card: IdCard, unmasked: boolean): string {
  const { photo, ...text } = card;
  return JSON.stringify({ ...text, idNumber: unmasked ? card.idNumber : maskIdNumber(card.idNumber), photoBytes: photo.length }, null, 2);
}
