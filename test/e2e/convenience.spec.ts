import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { a11yViolations } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';
import { declineElderOffer } from './elderOffer.js';

let queueHall: QueueHall;
test.afterEach(async () => {
  await queueHall.close();
});

test.beforeEach(({ page }) => declineElderOffer(page));

test('a delivery request reaches the hall with its reference, whose progress the kiosk then shows; a transport lookup answers', async ({
  page,
}) => {
  queueHall = await startQueueHall();
  const { kiosk, hall } = queueHall;
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(kiosk.launchUrl());
  await page.locator('[data-category="convenience"]').click();
  await page.getByRole('button', { name: '读取身份证' }).click();
  await page.getByRole('button', { name: '同意并继续' }).click();
  await expect(page.locator('[data-convenience]')).toHaveCount(5);
  await page.locator('[data-convenience="mail-delivery"]').click();
  // One question per screen: a choice moves on by itself, a typed answer with 下一步; 返回 goes to the question before.
  const question = page.getByTestId('form-question');
  await expect(question).toHaveText('第 1 项，共 4 项：所在区');
  await page.locator('[data-district="chaoyang"]').click();
  await expect(question).toHaveText('第 2 项，共 4 项：所在街道');
  await page.getByRole('button', { name: '返回' }).click();
  await expect(question).toHaveText('第 1 项，共 4 项：所在区');
  await expect(page.locator('[data-district="chaoyang"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('[data-district="chaoyang"]').click();
  await page.locator('[data-street="1"]').click();
  await expect(question).toHaveText('第 3 项，共 4 项：楼号和房号');
  await expect(page.getByRole('button', { name: '下一步' })).toBeDisabled();
  for (const key of '12-301') await page.locator(`[data-keypad="number"] [data-key="${key}"]`).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(question).toHaveText('第 4 项，共 4 项：手机号码');
  for (const digit of '13800138000') await page.locator(`[data-keypad="phone"] [data-key="${digit}"]`).click();
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-mail-delivery.png') });
  await page.getByRole('button', { name: '提交' }).click();
  const reference = (await page.getByTestId('request-reference').textContent())!;
  expect(reference).toMatch(/^\d{8}-0001$/);
  const stored = await hall.db.get<{ kind: string; details: string; department: string }>(
    'SELECT kind, details, department FROM service_request WHERE reference = ?',
    [reference],
  );
  expect(stored).toMatchObject({ kind: 'mail-delivery', details: expect.stringContaining('"building":"12-301"') });
  expect(JSON.parse(stored!.details)).toMatchObject({ district: 'chaoyang', street: 1, phone: '13800138000' });
  const printed = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!.receipts.at(-1)!;
  expect(printed.lines.map((line) => line.text)).toContain(`受理编号：${reference}`);

  await page.getByRole('button', { name: '完成' }).click();
  await page.locator('[data-convenience="progress"]').click();
  for (const key of reference) await page.locator(`[data-keypad="number"] [data-key="${key}"]`).click();
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.locator('.progress-steps')).toContainText('已派发至政务服务中心寄递窗口');
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-request-progress.png') });

  await page.getByRole('button', { name: '结束办理' }).click();
  await page.locator('[data-category="transport"]').click();
  await page.getByRole('button', { name: '读取身份证' }).click();
  await page.getByRole('button', { name: '同意并继续' }).click();
  await expect(page.locator('[data-lookup]')).toHaveCount(4);
  await page.locator('[data-lookup="traffic-violations"]').click();
  await expect(page.getByRole('table')).toContainText('示例大道与示例路交叉口');
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-transport-violations.png') });
});
