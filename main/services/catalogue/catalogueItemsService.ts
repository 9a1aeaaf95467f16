import path from 'node:path';
import { resultReceiptJob } from '../receipts/resultReceipt.js';
import type { CatalogueItem, CatalogueItems } from '../../contract/catalogueItems.js';
import { ServiceError } from '../../contract/errors.js';
import { printReceipt, type ReceiptPrinting } from '../receipts/receiptPrinting.js';
import { readCatalogueItems } from '../../../kiosk-config/readCatalogueItems.js';
import { searchIndex, searchItems, type SearchEntry } from './itemSearch.js';

/** The government-service items: browse by department or life event, search as the citizen types, print an item's guide. */
export class CatalogueItemsService {
  private constructor(
    private readonly catalogue: CatalogueItems,
    private readonly index: SearchEntry[],
    private readonly receipts: ReceiptPrinting,
  ) {}

  static async load(catalogueDir: string, receipts: ReceiptPrinting): Promise<CatalogueItemsService> {
    const catalogue = await readCatalogueItems(path.join(catalogueDir, 'items.json'));
    return new CatalogueItemsService(catalogue, searchIndex(catalogue.items), receipts);
  }

  browse() {
    return { departments: this.catalogue.departments, lifeEvents: this.catalogue.lifeEvents, items: this.catalogue.items.length };
  }

  find(query: { text: string; department: string | null; lifeEvent: string | null }): CatalogueItem[] {
    const found = query.text.trim() ? searchItems(this.index, query.text, 200) : this.catalogue.items;
    return found
      .filter(
        (item) =>
          (query.department === null || item.department === query.department) &&
          (query.lifeEvent === null || item.lifeEvents.includes(query.lifeEvent)),
      )
      .slice(0, 60);
  }

  item(id: string): CatalogueItem {
    const item = this.catalogue.items.find((candidate) => candidate.id === id);
    if (!item) throw new ServiceError('not_found', `no catalogue item ${id}`);
    return item;
  }

  /** The item's guide on the receipt printer: what to bring, where it is done. */
  async printGuide(id: string): Promise<{ printed: boolean }> {
    const item = this.item(id);
    const department = this.catalogue.departments.find((candidate) => candidate.id === item.department)!;
    const problem = await printReceipt(this.receipts, (model) =>
      resultReceiptJob(
        {
          title: item.name,
          holder: department.name['zh-CN'],
          facts: [
            ...item.materials.map((material, index) => ({ label: `材料${index + 1}`, value: material['zh-CN'] })),
            {
              label: '办理方式',
              value: [item.channels.window && '窗口', item.channels.online && '网上', item.channels.mail && '邮寄']
                .filter(Boolean)
                .join('、'),
            },
            { label: '取号业务', value: item.queueService ?? '—' },
          ],
          table: null,
          printedAt: new Date(),
        },
        model,
      ),
    );
    return { printed: problem === null };
  }
}
