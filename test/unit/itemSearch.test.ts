import { describe, expect, it } from 'vitest';
import { readCatalogueItems } from '../../kiosk-config/readCatalogueItems.js';
import { parseDataText } from '../../kiosk-config/readDataFile.js';
import { catalogueItemsSchema } from '../../main/contract/catalogueItems.js';
import { searchIndex, searchItems } from '../../main/services/catalogue/itemSearch.js';

const catalogue = await readCatalogueItems();
const index = searchIndex(catalogue.items);
const names = (query: string) => searchItems(index, query).map((item) => item.name['zh-CN']);

describe('the government-service catalogue and its search', () => {
  it("has the seed's 312 items, each with a department, materials and where it is done", () => {
    expect(catalogue.items).toHaveLength(312);
    expect(new Set(catalogue.items.map((item) => item.name['zh-CN'])).size).toBe(312);
    for (const item of catalogue.items) {
      expect(item.materials.length).toBeGreaterThan(0);
      expect(item.channels.window || item.channels.online || item.channels.mail).toBe(true);
    }
  });

  it('finds by Chinese text, by pinyin initials ("SB" → 社保), by spelled pinyin and by English', () => {
    expect(names('社会保障卡').slice(0, 4)).toEqual(['社会保障卡申请', '社会保障卡变更', '社会保障卡补办', '社会保障卡注销']);
    const sb = searchItems(index, 'SB');
    expect(sb.length).toBeGreaterThan(10);
    const socialSecurity = catalogue.items.filter((item) => item.keywords.includes('社保'));
    expect(sb.filter((item) => item.keywords.includes('社保'))).toHaveLength(Math.min(50, socialSecurity.length));
    // 商标 (trademark) and 税+变/补 are SB too, by accident: the keyword 社保 abbreviated exactly comes first, they are still offered after.
    expect(sb.slice(0, socialSecurity.length).every((item) => item.keywords.includes('社保'))).toBe(true);
    expect(sb.map((item) => item.name['zh-CN'])).toEqual(expect.arrayContaining(['商标质押登记申请', '个人所得税变更']));
    expect(names('GRSDS')[0]).toBe('个人所得税申请');
    expect(searchItems(index, 'sb').map((item) => item.id)).toEqual(sb.map((item) => item.id));
    expect(names('hunyin')).toContain('婚姻登记申请');
    expect(names('GJJ')[0]).toMatch(/公积金/);
    expect(searchItems(index, 'marriage').map((item) => item.name['zh-CN'])).toContain('婚姻登记申请');
    expect(searchItems(index, '   ')).toEqual([]);
    expect(searchItems(index, '火星移民')).toEqual([]);
  });

  it('a bad catalogue file names the item and field', () => {
    const bad = { ...catalogue, items: [{ ...catalogue.items[0]!, department: 'nowhere', lifeEvents: ['moon'] }] };
    expect(() => parseDataText('items.json', JSON.stringify(bad), catalogueItemsSchema)).toThrow(
      /items\[0\]\.department: no department "nowhere"[\s\S]*items\[0\]\.lifeEvents\[0\]: no life event "moon"/,
    );
  });
});
