import { performance } from 'node:perf_hooks';
import { readCatalogueItems } from '../../kiosk-config/readCatalogueItems.js';
import type { CatalogueItem } from '../../main/contract/catalogueItems.js';
import { searchIndex, searchItems } from '../../main/services/catalogue/itemSearch.js';
import { percentile } from './measure.js';

const frameMs = 1000 / 60;
const typed = [
  'S',
  'SB',
  's',
  'sh',
  'she',
  'sheb',
  'sheba',
  'shebao',
  '社',
  '社会',
  '社会保',
  '社会保障',
  'G',
  'GJ',
  'GJJ',
  'h',
  'hu',
  'hun',
  'hunyin',
];

function perKeystroke(items: readonly CatalogueItem[]): { median: number; worst: number } {
  const index = searchIndex(items);
  const times: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    for (const query of typed) {
      const start = performance.now();
      searchItems(index, query);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), worst: percentile(times, 99) };
}

/** Catalogue search per keystroke (what the kiosk runs as the citizen types) over the 312 items and over ten times as many, against one animation frame. */
export async function benchCatalogueSearch(): Promise<void> {
  const { items } = await readCatalogueItems();
  const tenfold = Array.from({ length: 10 }, (_, copy) => items.map((item) => ({ ...item, id: `${item.id}-${copy}` }))).flat();
  for (const [label, set] of [
    ['312 items', items],
    [`${tenfold.length} items`, tenfold],
  ] as const) {
    const { median, worst } = perKeystroke(set);
    console.log(
      `catalogue search per keystroke over ${label}: median ${median.toFixed(3)} ms, p99 ${worst.toFixed(3)} ms vs one frame ${frameMs.toFixed(1)} ms = ${(median / frameMs).toFixed(3)}× (median), ${(worst / frameMs).toFixed(3)}× (p99)`,
    );
  }
}
