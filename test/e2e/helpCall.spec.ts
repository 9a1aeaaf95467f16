import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { a11yViolations, smallTouchTargets } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';

let queueHall: QueueHall;
test.afterEach(async () => {
  await queueHall.close();
});

test('help: the kiosk calls from the screen its citizen is at, the counter hears it with a chime and acknowledges, the kiosk shows who is coming; away from the hall it says nobody can be reached', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  queueHall = await startQueueHall();
  const { kiosk, counter, hall } = queueHall;
  const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  const counterPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // Counts the tones the counter's page plays: the chime is its sound for a new call.
  await counterPage.addInitScript(() => {
    const tones = { count: 0 };
    (window as unknown as { tones: typeof tones }).tones = tones;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      tones.count += 1;
      return original.call(this);
    };
  });
  await counterPage.goto(counter.launchUrl());
  await kioskPage.goto(kiosk.launchUrl());
  await expect(counterPage.getByRole('heading', { name: '当前号码' })).toBeVisible();
  await expect(counterPage.getByTestId('help-calls')).toHaveCount(0);

  await kioskPage.locator('[data-category="certificates"]').click();
  await kioskPage.getByRole('button', { name: '呼叫工作人员' }).click();
  await expect(kioskPage.getByTestId('help-status')).toHaveText('已通知工作人员，请在本机旁稍候。');
  expect(await a11yViolations(kioskPage)).toEqual([]);
  expect(await smallTouchTargets(kioskPage)).toEqual([]);
  await kioskPage.screenshot({ path: path.join(screenshotDir, 'kiosk-help-waiting.png') });

  const calls = counterPage.getByTestId('help-calls');
  await expect(calls).toContainText('K-01 需要帮助，当前页面：证明打印', { timeout: 10_000 });
  await expect.poll(() => counterPage.evaluate(() => (window as unknown as { tones: { count: number } }).tones.count)).toBeGreaterThan(0);
  expect(await a11yViolations(counterPage)).toEqual([]);
  await counterPage.screenshot({ path: path.join(screenshotDir, 'counter-help-call.png') });
  await calls.getByRole('button', { name: '我去处理' }).click();
  await expect(calls).toContainText('3 号窗口已响应');

  // The kiosk learns it live, with no reload and no touch.
  await expect(kioskPage.getByTestId('help-status')).toHaveText('3 号窗口的工作人员正在赶来，请稍候。', { timeout: 10_000 });
  await expect(kioskPage.getByRole('heading', { name: '工作人员正在赶来' })).toBeVisible();
  expect(await a11yViolations(kioskPage)).toEqual([]);
  await kioskPage.screenshot({ path: path.join(screenshotDir, 'kiosk-help-coming.png') });

  // Put away, the call stays on the button; "helped" closes it at every counter.
  await kioskPage.getByRole('button', { name: '返回继续办理' }).click();
  await expect(kioskPage.getByRole('button', { name: '工作人员正在赶来' })).toBeVisible();
  await kioskPage.getByRole('button', { name: '工作人员正在赶来' }).click();
  await kioskPage.getByRole('button', { name: '我已得到帮助' }).click();
  await expect(calls).toHaveCount(0, { timeout: 10_000 });
  await expect(kioskPage.getByRole('button', { name: '呼叫工作人员' })).toBeVisible();

  // The hall goes away: the kiosk does not pretend anyone was told.
  await hall.stopServing();
  await kioskPage.getByRole('button', { name: '呼叫工作人员' }).click();
  await expect(kioskPage.getByTestId('help-status')).toHaveText('暂时联系不到工作人员。请到服务台或人工窗口求助。', { timeout: 15_000 });
  await expect(kioskPage.getByRole('button', { name: '再试一次' })).toBeVisible();
  await kioskPage.screenshot({ path: path.join(screenshotDir, 'kiosk-help-unreachable.png') });
});
