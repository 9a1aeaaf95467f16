import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { LedDisplayDevice } from '../../main/devices/ledDisplayDevice.js';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { testStaff } from '../support/hallOnLoopback.js';
import { cjkFontLoaded, a11yViolations, smallTouchTargets } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';
import { declineElderOffer } from './elderOffer.js';

let queueHall: QueueHall;
test.beforeEach(async () => {
  queueHall = await startQueueHall();
});
test.afterEach(async () => {
  await queueHall.close();
});

test('a ticket taken at the kiosk is printed, called at the counter, shown and announced on the display and the LED, and rated', async ({
  browser,
}) => {
  // Four screens, a hall and the dashboard in one story: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  const { hall, kiosk, counter, display } = queueHall;
  const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await declineElderOffer(kioskPage);
  const counterPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const displayPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const ratingPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await displayPage.goto(display.launchUrl());
  await counterPage.goto(counter.launchUrl());
  await ratingPage.goto(`${counter.launchUrl().replace(/#.*$/, '')}#/evaluate`);
  await kioskPage.goto(kiosk.launchUrl());
  await expect(kioskPage.getByText('凭条打印机：正常')).toBeVisible({ timeout: 15_000 });

  // Kiosk: take a number for 社保医保 without a card.
  await kioskPage.getByRole('button', { name: /取号排队/ }).click();
  await expect(kioskPage.locator('[data-service="B"]')).toContainText('社保医保');
  expect(await smallTouchTargets(kioskPage)).toEqual([]);
  await kioskPage.screenshot({ path: path.join(screenshotDir, 'kiosk-queue-services.png') });
  await kioskPage.locator('[data-service="B"]').click();
  await kioskPage.getByRole('button', { name: '取号', exact: true }).click();
  await expect(kioskPage.getByTestId('ticket-number')).toHaveText('B001');
  await expect(kioskPage.getByText('请取走号票，留意叫号')).toBeVisible();
  await expect(kioskPage.locator('img.qr')).toBeVisible();
  expect(await cjkFontLoaded(kioskPage)).toBe(true);
  expect(await a11yViolations(kioskPage)).toEqual([]);
  await kioskPage.screenshot({ path: path.join(screenshotDir, 'kiosk-ticket.png') });
  const printed = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!.receipts.at(-1)!;
  expect(printed.lines.map((line) => line.text)).toEqual(
    expect.arrayContaining(['B001', '社保医保  Social and medical insurance', '前面还有 0 人   0 ahead of you']),
  );
  expect(printed.qrCodes).toEqual([await kioskPage.locator('img.qr').getAttribute('data-content')]);
  expect(printed.cut).toBe(true);

  // Counter: the ticket waits; F1 calls it.
  await expect(counterPage.getByTestId('waiting-list')).toContainText('B001', { timeout: 10_000 });
  expect(await a11yViolations(counterPage)).toEqual([]);
  await counterPage.keyboard.press('F1');
  await expect(counterPage.getByTestId('current-ticket')).toHaveText('B001');
  await counterPage.getByRole('button', { name: /读身份证/ }).click();
  await expect(counterPage.getByTestId('citizen')).toContainText('王**');
  expect(await cjkFontLoaded(counterPage)).toBe(true);
  await counterPage.screenshot({ path: path.join(screenshotDir, 'counter-serving.png') });
  const led = counter.host.devices.device<LedDisplayDevice>('ledDisplay')!.simulator!;
  await expect.poll(() => led.history.at(-1)).toBe('请B001号到3号窗口');

  // Display: now calling, announced (the live region carries what is spoken, in Chinese then English).
  await expect(displayPage.getByTestId('now-calling')).toContainText('B001', { timeout: 10_000 });
  await expect(displayPage.getByTestId('now-calling')).toContainText('3 号窗口');
  await expect(displayPage.getByTestId('announcement')).toHaveText('请 B001 号到 3 号窗口办理', { timeout: 10_000 });
  await expect(displayPage.getByTestId('announcement')).toHaveText('Number B001, please go to window 3', { timeout: 20_000 });
  // This Chromium has no voices: the host's espeak-ng spoke it, played in the page.
  await expect(displayPage.getByTestId('announcement')).toHaveAttribute('data-spoken-by', 'host', { timeout: 20_000 });
  expect(await cjkFontLoaded(displayPage)).toBe(true);
  expect(await a11yViolations(displayPage)).toEqual([]);
  await displayPage.screenshot({ path: path.join(screenshotDir, 'display-calling.png') });

  // Finish: the citizen-facing screen asks for a rating, which reaches the hall.
  await counterPage.keyboard.press('F4');
  await expect(counterPage.getByText('暂无办理中的号码')).toBeVisible();
  await expect(ratingPage.getByRole('heading', { name: '请对本次服务进行评价' })).toBeVisible({ timeout: 10_000 });
  await ratingPage.getByRole('radio', { name: '满意', exact: true }).click();
  await ratingPage.getByRole('button', { name: '热情周到' }).click();
  expect(await a11yViolations(ratingPage)).toEqual([]);
  await ratingPage.screenshot({ path: path.join(screenshotDir, 'evaluation.png') });
  await ratingPage.getByRole('button', { name: '提交评价' }).click();
  await expect(ratingPage.getByText('感谢您的评价！')).toBeVisible();
  await expect
    .poll(
      async () =>
        hall.db.get<{ score: number; score_reasons: string }>("SELECT score, score_reasons FROM queue_ticket WHERE label = 'B001'"),
      { timeout: 10_000 },
    )
    .toEqual({ score: 4, score_reasons: '["friendly"]' });
  await expect.poll(() => led.history.at(-1)).toBe('3号窗口 欢迎光临');

  // The supervisor's dashboard counts the served ticket and its rating.
  const dashboard = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await dashboard.goto(`${hall.url}/dashboard`);
  await dashboard.getByRole('link', { name: '工作人员登录 · Staff login' }).click();
  await dashboard.getByLabel('用户名 · Username').fill(testStaff.username);
  await dashboard.getByLabel('密码 · Password').fill(testStaff.password);
  await dashboard.getByRole('button', { name: '登录 · Log in' }).click();
  await expect(dashboard).toHaveURL(/\/dashboard(\?|$)/);
  const services = dashboard.locator('#services tbody tr');
  await expect(services.nth(1)).toContainText('社保医保');
  await expect(services.nth(1).locator('td').nth(3)).toHaveText('1');
  await expect(services.nth(1).locator('td').nth(14)).toHaveText('4');
  await expect(dashboard.locator('#windows tbody tr').nth(2).locator('td').nth(2)).toHaveText('1');
  expect(await cjkFontLoaded(dashboard)).toBe(true);
  expect(await a11yViolations(dashboard)).toEqual([]);
  await dashboard.screenshot({ path: path.join(screenshotDir, 'hall-dashboard.png') });
});

test('a ticket that cannot print is still shown, valid, with its QR code; a paused window says so', async ({ browser }) => {
  const { kiosk, display } = queueHall;
  const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await declineElderOffer(kioskPage);
  await kioskPage.goto(kiosk.launchUrl());
  await expect(kioskPage.getByText('凭条打印机：正常')).toBeVisible({ timeout: 15_000 });
  await kioskPage.getByRole('button', { name: /取号排队/ }).click();
  await kioskPage.locator('[data-service="A"]').click();
  // The paper runs out while the citizen is already taking a number (at home, the kiosk would have said so first).
  kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!.status.paperOut = true;
  await kioskPage.getByRole('button', { name: '读取身份证' }).click();
  await expect(kioskPage.getByText('60 岁以上，优先办理')).toBeVisible();
  await kioskPage.getByRole('button', { name: '取号', exact: true }).click();
  await expect(kioskPage.getByTestId('ticket-number')).toHaveText('A001');
  await expect(kioskPage.getByRole('alert')).toContainText('号票未能打印（打印机缺纸）');
  await expect(kioskPage.getByText('老年人优先')).toBeVisible();
  await expect(kioskPage.locator('img.qr')).toBeVisible();
  await expect(kioskPage.getByText('凭条打印机：缺纸')).toBeVisible({ timeout: 10_000 });
  await kioskPage.screenshot({ path: path.join(screenshotDir, 'kiosk-ticket-not-printed.png') });

  await queueHall.counter.host.dispatch('counter.act', { act: { action: 'pause', reason: 'meal' } });
  const displayPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await displayPage.goto(display.launchUrl());
  await expect(displayPage.getByText('3 号窗口暂停服务')).toBeVisible({ timeout: 10_000 });
  await expect(displayPage.locator('[data-service="A"]')).toContainText('1 人');
});
