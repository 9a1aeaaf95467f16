import { pinyin } from 'pinyin-pro';
import type { CatalogueItem } from '../../contract/catalogueItems.js';

/** An item with what a search compares: its name and keywords, and their pinyin initials and full pinyin. */
export interface SearchEntry {
  item: CatalogueItem;
  texts: string[];
  initials: string[];
  spelled: string[];
}

const initialsOf = (text: string) =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toUpperCase();
const spelledOf = (text: string) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();

/** Built once when the catalogue loads: pinyin is the slow part, so searching only compares strings. */
export function searchIndex(items: readonly CatalogueItem[]): SearchEntry[] {
  return items.map((item) => {
    const texts = [item.name['zh-CN'], ...item.keywords];
    return { item, texts, initials: texts.map(initialsOf), spelled: texts.map(spelledOf) };
  });
}

/** Scores below every positional one: a keyword or name whose initials are exactly what was typed. */
const exactKeyword = -2;
const exactName = -1;

/**
 * Items matching what the citizen has typed so far: Chinese text anywhere
 * in the name or keywords; Latin letters as pinyin initials ("SB" → 社保) or
 * spelled pinyin ("shebao"), or the English name. A keyword abbreviated
 * exactly ("SB" is 社保) comes first, then a name abbreviated exactly, then
 * earlier and closer matches: initials that merely occur in a name (商标质押,
 * 个人所得税变更) do not push the abbreviation a citizen meant down the list.
 */
export function searchItems(index: readonly SearchEntry[], query: string, limit = 50): CatalogueItem[] {
  const text = query.trim();
  if (text === '') return [];
  const latin = /^[A-Za-z]+$/.test(text);
  const scored: { item: CatalogueItem; score: number }[] = [];
  for (const entry of index) {
    let score = Number.POSITIVE_INFINITY;
    if (latin) {
      const upper = text.toUpperCase();
      const lower = text.toLowerCase();
      entry.initials.forEach((initials, which) => {
        const at = initials.indexOf(upper);
        if (initials === upper) score = Math.min(score, which === 0 ? exactName : exactKeyword);
        else if (at >= 0) score = Math.min(score, at + which * 0.5);
      });
      entry.spelled.forEach((spelled) => {
        const at = spelled.indexOf(lower);
        if (at >= 0) score = Math.min(score, 20 + at);
      });
      const english = entry.item.name.en.toLowerCase().indexOf(lower);
      if (english >= 0) score = Math.min(score, 40 + english);
    } else {
      entry.texts.forEach((candidate, which) => {
        const at = candidate.indexOf(text);
        if (at >= 0) score = Math.min(score, at + which * 0.5);
      });
    }
    if (score !== Number.POSITIVE_INFINITY) scored.push({ item: entry.item, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.item.id.localeCompare(b.item.id))
    .slice(0, limit)
    .map((entry) => entry.item);
}
