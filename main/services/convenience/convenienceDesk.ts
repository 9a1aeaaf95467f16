import { resultReceiptJob } from '../receipts/resultReceipt.js';
import type { ConvenienceConfig, Progress, RequestReceipt, ServiceRequest } from '../../contract/convenience.js';
import { ServiceError } from '../../contract/errors.js';
import { printReceipt, type ReceiptPrinting } from '../receipts/receiptPrinting.js';
import type { HallClient } from '../../sync/hallClient.js';
import type { CitizenSession } from '../citizen/citizenSession.js';
import { fromHall } from '../hallAnswer.js';

const kindNames = {
  'mail-delivery': { 'zh-CN': '结果寄递申请', en: 'Delivery by mail' },
  'home-visit': { 'zh-CN': '上门帮办申请', en: 'Home visit' },
  complaint: { 'zh-CN': '诉求登记（12345）', en: 'Request or complaint (12345)' },
} as const;

/**
 * Convenience services: requests passed to the hall for dispatch (delivery
 * by mail, a home visit, a 12345-style complaint), each with a reference and
 * a receipt; and the progress of an application or request by its number.
 */
export class ConvenienceDesk {
  constructor(
    private readonly client: HallClient | null,
    /** The forms' choices as the hall last published them. */
    readonly options: () => ConvenienceConfig,
    private readonly citizen: CitizenSession,
    private readonly receipts: ReceiptPrinting,
  ) {}

  async submit(request: ServiceRequest): Promise<RequestReceipt & { printed: boolean }> {
    const citizen = this.citizen.consentedIdentity();
    const receipt = await this.#ask((client) => client.submitRequest({ citizen, request }));
    const summary = this.citizen.summary()!;
    const problem = await printReceipt(this.receipts, (model) =>
      resultReceiptJob(
        {
          title: kindNames[request.kind],
          holder: `${summary.maskedName} ${summary.maskedIdNumber}`,
          facts: [
            { label: '受理编号', value: receipt.reference },
            { label: '承办单位', value: receipt.department['zh-CN'] },
          ],
          table: null,
          printedAt: new Date(receipt.receivedAt),
        },
        model,
      ),
    );
    return { ...receipt, printed: problem === null };
  }

  progress(number: string): Promise<Progress> {
    return this.#ask((client) => client.progress(number));
  }

  async #ask<T>(work: (client: HallClient) => Promise<T>): Promise<T> {
    if (!this.client) throw new ServiceError('unavailable', 'this kiosk is not enrolled with a hall server');
    return work(this.client).catch((error: unknown) => {
      throw fromHall(error);
    });
  }
}
