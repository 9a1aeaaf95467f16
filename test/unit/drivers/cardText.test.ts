import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCardText, parseCardText } from '../../../drivers/id-card/cardText.js';
import { demoCards, demoPhoto } from '../../../drivers/id-card/demoCards.js';
import { hasValidCheckCharacter, idNumberCheckCharacter } from '../../../drivers/id-card/idNumber.js';
import { nationName } from '../../../drivers/id-card/nationCodes.js';
import { parseReadData } from '../../../drivers/id-card/samReader.js';

/** A text block written field by field, as a reader would send it, independent of the encoder. */
function residentBlock(fields: string[]): Buffer {
  const widths = [15, 1, 2, 8, 35, 18, 15, 8, 8, 18];
  return Buffer.from(fields.map((field, index) => field.padEnd(widths[index]!, ' ')).join(''), 'utf16le');
}

describe('ID number check character (GB 11643)', () => {
  it('accepts the standard worked example and refuses a changed digit', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(hasValidCheckCharacter('11010519491231002X')).toBe(true);
    expect(hasValidCheckCharacter('11010519491231002x')).toBe(true);
    expect(hasValidCheckCharacter('11010519491231003X')).toBe(false);
    expect(hasValidCheckCharacter('1101051949123100')).toBe(false);
  });
});

describe('card text block', () => {
  it('reads a resident ID card field by field, with code tables and 长期', () => {
    const block = residentBlock([
      '王小明',
      '1',
      '01',
      '19491231',
      '北京市朝阳区示例路1号',
      '11010519491231002X',
      '北京市公安局朝阳分局',
      '20150601',
      '长期',
      '',
    ]);
    expect(block.length).toBe(256);
    expect(parseCardText(block)).toEqual({
      type: 'resident',
      name: '王小明',
      englishName: null,
      gender: 'male',
      nation: '汉',
      nationality: null,
      birthDate: '1949-12-31',
      address: '北京市朝阳区示例路1号',
      idNumber: '11010519491231002X',
      idNumberValid: true,
      issuer: '北京市公安局朝阳分局',
      validFrom: '2015-06-01',
      validTo: 'long-term',
      passNumber: null,
      issueCount: null,
      problems: [],
    });
  });

  it('flags a bad check character, unknown codes and malformed dates, without throwing', () => {
    const block = residentBlock(['李四', '5', '77', '1990013', '地址', '110105199001010011', '某公安局', '20200101', '2030AB01', '']);
    const card = parseCardText(block);
    expect(card.idNumberValid).toBe(false);
    expect(card.problems).toEqual([
      'gender: unknown code "5"',
      'nation: unknown code "77"',
      'idNumber: the check character does not match (GB 11643)',
      'birthDate: not a date "1990013"',
      'validTo: not a date "2030AB01"',
    ]);
  });

  it('tells the three card types apart by the type mark at byte 248', () => {
    for (const card of Object.values(demoCards)) {
      const parsed = parseCardText(encodeCardText(card));
      expect(parsed).toEqual({ ...card, idNumberValid: card.idNumber.length === 18 ? true : null, problems: [] });
    }
    expect(encodeCardText(demoCards.hkMacaoTaiwan).toString('utf16le', 248, 250)).toBe('J');
    expect(encodeCardText(demoCards.foreignPermanent).toString('utf16le', 248, 250)).toBe('I');
  });

  it('knows all 56 nations and the two special codes', () => {
    expect(nationName('01')).toBe('汉');
    expect(nationName('56')).toBe('基诺');
    expect(nationName('98')).toBe('外国血统中国籍人士');
    expect(nationName('57')).toBeNull();
  });

  it('never throws on random blocks of any length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const card = parseCardText(Buffer.from(bytes));
        if (bytes.length !== 256) expect(card.problems[0]).toMatch(/^text block: expected 256 bytes/);
      }),
      { numRuns: 500 },
    );
  });

  it('splits the data of a read answer into text and photo', () => {
    const text = encodeCardText(demoCards.resident);
    const photo = demoPhoto();
    const lengths = Buffer.from([0x01, 0x00, 0x04, 0x00]);
    const card = parseReadData(Buffer.concat([lengths, text, photo]));
    expect(card.name).toBe('王小明');
    expect(card.photo).toEqual(photo);
    expect(() => parseReadData(Buffer.concat([lengths, text]))).toThrow(/says 256\+1024 bytes but carries 256/);
  });
});
