// GB/T 3304: the nation codes on a resident ID card, and GB/T 2261.1 for gender.

const nations = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
];

const otherNations: Record<string, string> = { '97': '其他', '98': '外国血统中国籍人士' };

/** The nation's name for its two-digit code ("01" → 汉), or null for an unknown code. */
export function nationName(code: string): string | null {
  if (otherNations[code]) return otherNations[code];
  const index = /^\d{2}$/.test(code) ? Number(code) - 1 : -1;
  return nations[index] ?? null;
}

/** The code for a nation's name, for the simulator. */
export function nationCode(name: string): string | null {
  const index = nations.indexOf(name);
  if (index !== -1) return String(index + 1).padStart(2, '0');
  return Object.entries(otherNations).find(([, other]) => other === name)?.[0] ?? null;
}

export type Gender = 'male' | 'female' | 'unknown' | 'unspecified';

const genderByCode: Record<string, Gender> = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unspecified' };

export function genderOf(code: string): Gender | null {
  return genderByCode[code] ?? null;
}

export function genderCode(gender: Gender): string {
  return Object.entries(genderByCode).find(([, value]) => value === gender)![0];
}
