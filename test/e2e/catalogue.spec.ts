import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { cjkFontLoaded, a11yViolations, smallTouchTargets } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';
import { declineElderOffer } from './elderOffer.js';

let queueHall: QueueHall;
test.afterEach(async () => {
  await queueHall.close();
});

test.beforeEach(({ page }) => declineElderOffer(page));

test('typing pinyin initials finds items as each letter is pressed; an item shows its materials and leads to a ticket or its guide', async ({
  page,
}) => {
  queueHall = await startQueueHall();
  const { kiosk } = queueHall;
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(kiosk.launchUrl());
  await page.locator('[data-category="government-services"]').click();
  await expect(page.getByRole('heading', { name: '政务服务事项（312 项）' })).toBeVisible();
  await page.locator('[data-letter="S"]').click();
  await expect(page.getByTestId('catalogue-results').locator('button').first()).toBeVisible();
  await page.locator('[data-letter="B"]').click();
  await expect(page.getByTestId('catalogue-results')).toContainText('社会保障卡申请');
  await expect(page.getByTestId('catalogue-results')).toContainText('商标质押登记申请');
  expect(await smallTouchTargets(page)).toEqual([]);
  expect(await a11yViolations(page)).toEqual([]);
  expect(await cjkFontLoaded(page)).toBe(true);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-catalogue-search.png') });

  await page
    .locator('[data-item="gs-069"]')
    .or(page.getByRole('button', { name: '社会保障卡补办' }))
    .first()
    .click();
  await expect(page.getByRole('heading', { name: '社会保障卡补办' })).toBeVisible();
  await expect(page.locator('.item-page ol')).toContainText('居民身份证');
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-catalogue-item.png') });
  await page.getByRole('button', { name: '打印办事指南' }).click();
  await expect(page.getByText('办事指南已打印，请取走。')).toBeVisible();
  const guide = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!.receipts.at(-1)!;
  expect(guide.lines.map((line) => line.text)).toEqual(expect.arrayContaining(['社会保障卡补办', '材料1：居民身份证']));

  // The next step: a ticket for the item's service (社保医保, B), straight to the optional card step.
  await page.getByRole('button', { name: '取号办理' }).click();
  await page.getByRole('button', { name: '取号', exact: true }).click();
  await expect(page.getByTestId('ticket-number')).toHaveText('B001');

  // Browsing by life event narrows the list without typing.
  await page.getByRole('button', { name: '完成' }).click();
  await page.locator('[data-category="government-services"]').click();
  await page.getByRole('button', { name: '婚姻', exact: true }).click();
  await expect(page.getByTestId('catalogue-results')).toContainText('婚姻登记申请');
});
