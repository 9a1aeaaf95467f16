import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { terminalSlotPaths } from '../../main/contract/terminalSlot.js';
import { ChangeLog } from '../../upstream/entry/index.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { a11yViolations } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';

let queueHall: QueueHall;
// Axe over the full kiosk home takes a while on a busy machine.
test.setTimeout(120_000);
test.beforeEach(async () => {
  queueHall = await startQueueHall();
});
test.afterEach(async () => {
  await queueHall.close();
});

const staffedWindow = { 'zh-CN': '1 号人工窗口（一楼东侧）', en: 'staffed window 1 (ground floor, east)' };

test('paper out: the kiosk home marks the ticket and receipt services unavailable, says why and where to go; paper back: clear', async ({
  browser,
}) => {
  const { hall, kiosk } = queueHall;
  await new ChangeLog(hall.db).set('config', '*', { staffedWindow });
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(kiosk.launchUrl());
  await expect(page.getByText('凭条打印机：正常')).toBeVisible({ timeout: 15_000 });
  const takeNumber = page.locator('.take-entry');
  const convenience = page.locator('[data-category="convenience"]');
  await expect(page.getByTestId('unavailable-note')).toHaveCount(0);

  const printer = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!;
  printer.status.paperOut = true;
  await expect(takeNumber).toHaveAttribute('aria-disabled', 'true', { timeout: 15_000 });
  await expect(takeNumber).toContainText('暂停使用：凭条打印机：缺纸。请到1 号人工窗口（一楼东侧）办理。');
  await expect(convenience).toHaveAttribute('aria-disabled', 'true');
  await expect(convenience.getByTestId('unavailable-note')).toContainText('凭条打印机：缺纸');
  // What needs no receipt printer stays open.
  for (const open of ['certificates', 'appointments', 'social-security', 'government-services'])
    await expect(page.locator(`[data-category="${open}"]`)).not.toHaveAttribute('aria-disabled');
  // Tapping an unavailable service leads nowhere: the citizen already read why.
  await takeNumber.click({ force: true });
  await expect(page.locator('[data-service="A"]')).toHaveCount(0);
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-home-paper-out.png') });
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(takeNumber).toContainText('Not available: Receipt printer');
  await expect(takeNumber).toContainText('Please go to staffed window 1 (ground floor, east).');
  await page.getByRole('button', { name: '中文', exact: true }).click();

  printer.status.paperOut = false;
  await expect(takeNumber).not.toHaveAttribute('aria-disabled', { timeout: 15_000 });
  await expect(page.getByTestId('unavailable-note')).toHaveCount(0);
  await takeNumber.click();
  await expect(page.locator('[data-service="A"]')).toBeVisible();
});

test('when nothing works (hall unreachable and no paper) the kiosk shows out of service with the nearest staffed window', async ({
  browser,
}) => {
  const { hall, kiosk } = queueHall;
  await new ChangeLog(hall.db).set('config', '*', { staffedWindow });
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(kiosk.launchUrl());
  await expect(page.getByText('凭条打印机：正常')).toBeVisible({ timeout: 15_000 });
  // The setting reached the kiosk: a lone fault names the window.
  const printer = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!;
  printer.status.paperOut = true;
  await expect(page.getByRole('button', { name: /取号排队/ })).toContainText('1 号人工窗口', { timeout: 15_000 });

  await hall.stopServing();
  const outOfService = page.getByTestId('out-of-service');
  await expect(outOfService).toBeVisible({ timeout: 15_000 });
  await expect(outOfService.getByRole('heading')).toHaveText('本机暂停服务');
  await expect(outOfService).toContainText('请到1 号人工窗口（一楼东侧）办理业务。');
  await expect(outOfService).toContainText('大厅服务器：未连接');
  await expect(outOfService).toContainText('凭条打印机：缺纸');
  await expect(page.locator('.category-tile')).toHaveCount(0);
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-out-of-service.png') });

  printer.status.paperOut = false;
  await expect(outOfService).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('[data-category="appointments"]')).toHaveAttribute('aria-disabled', 'true');
  await hall.start();
  await expect(page.locator('[data-category="appointments"]')).not.toHaveAttribute('aria-disabled', { timeout: 15_000 });
});

test('a kiosk whose slot went to a new box says so and offers nothing, so no citizen takes a number that would never be called', async ({
  browser,
}) => {
  const { hall, kiosk } = queueHall;
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(kiosk.launchUrl());
  await expect(page.getByText('大厅服务器已连接')).toBeVisible({ timeout: 15_000 });

  const replaced = await fetch(`${hall.url}${terminalSlotPaths.replace.replace(':terminalId', 'K-01')}`, {
    method: 'POST',
    headers: { cookie: await hall.staffCookie() },
  });
  expect(replaced.status).toBe(200);

  const outOfService = page.getByTestId('out-of-service');
  await expect(outOfService).toBeVisible({ timeout: 15_000 });
  await expect(outOfService).toContainText('大厅服务器：本机已由新设备接替');
  await expect(page.getByText('已停用：本机的位置已由新设备接替')).toBeVisible();
  await expect(page.getByRole('button', { name: /取号排队/ })).toHaveCount(0);
  // The hall refuses this box now: no call for help that would reach nobody.
  await expect(page.getByRole('button', { name: '呼叫工作人员' })).toHaveCount(0);
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-replaced.png') });
});
