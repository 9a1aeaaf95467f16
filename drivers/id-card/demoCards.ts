import type { IdCardText } from './cardText.js';

export type SimulatedCardText = Omit<IdCardText, 'idNumberValid' | 'problems'>;

/**
 * Clearly fictional cards for the simulator, the demo and tests. The resident
 * number is the worked example of GB 11643 itself; addresses are 示例 (sample) streets.
 */
export const demoCards = {
  resident: {
    type: 'resident',
    name: '王小明',
    englishName: null,
    gender: 'male',
    nation: '汉',
    nationality: null,
    birthDate: '1949-12-31',
    address: '北京市朝阳区示例路1号院2号楼3单元401室',
    idNumber: '11010519491231002X',
    issuer: '北京市公安局朝阳分局',
    validFrom: '2015-06-01',
    validTo: 'long-term',
    passNumber: null,
    issueCount: null,
  },
  hkMacaoTaiwan: {
    type: 'hk-macao-taiwan',
    name: '陈示例',
    englishName: null,
    gender: 'female',
    nation: null,
    nationality: null,
    birthDate: '1990-03-08',
    address: '江苏省南京市玄武区示例街88号',
    idNumber: '810000199003080029',
    issuer: '南京市公安局',
    validFrom: '2022-01-10',
    validTo: '2027-01-10',
    passNumber: 'H12345678',
    issueCount: '01',
  },
  foreignPermanent: {
    type: 'foreign-permanent',
    name: '安娜',
    englishName: 'SAMPLE, ANNA',
    gender: 'female',
    nation: null,
    nationality: 'DEU',
    birthDate: '1985-07-14',
    address: null,
    idNumber: 'DEU110085071401',
    issuer: '1100',
    validFrom: '2020-09-01',
    validTo: '2030-09-01',
    passNumber: null,
    issueCount: null,
  },
} satisfies Record<string, SimulatedCardText>;

/** A stand-in for the card's compressed photo: 1024 bytes that are recognisably not a real one. */
export function demoPhoto(seed = 1): Buffer {
  const photo = Buffer.alloc(1024);
  for (let index = 0; index < photo.length; index += 1) photo[index] = (index * 31 + seed * 7) & 0xff;
  return photo;
}
