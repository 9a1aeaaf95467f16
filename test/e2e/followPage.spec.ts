import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { a11yViolations } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';
import { declineElderOffer } from './elderOffer.js';

let queueHall: QueueHall;
test.afterEach(async () => {
  await queueHall.close();
});

test("the ticket's QR page follows the queue live without a reload, notifies in the browser, and a number typed at the kiosk is texted, when 3 are ahead", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const texts: { phone: string; text: string }[] = [];
  queueHall = await startQueueHall('sqlite', { smsGateway: { send: async (phone, text) => void texts.push({ phone, text }) } });
  const { hall, kiosk, counter } = queueHall;
  for (let index = 0; index < 4; index += 1) {
    const answer = await kiosk.host.dispatch('queue.takeTicket', { service: 'A', disability: false });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  }

  // The fifth ticket is taken at the kiosk's screen, and the citizen asks for a text message.
  const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await declineElderOffer(kioskPage);
  await kioskPage.goto(kiosk.launchUrl());
  await kioskPage.getByRole('button', { name: /取号排队/ }).click();
  await kioskPage.locator('[data-service="A"]').click();
  await kioskPage.getByRole('button', { name: '取号', exact: true }).click();
  await expect(kioskPage.getByText('前面还有 4 人')).toBeVisible();
  await kioskPage.getByRole('button', { name: '短信提醒我' }).click();
  await expect(kioskPage.getByText('为 A005 号设置短信提醒：请输入手机号码，前面剩 3 人时我们发短信给您。')).toBeVisible();
  // A 12-key keypad's digits, as a citizen who cannot use the touch screen would type them.
  for (const digit of '1380013800') await kioskPage.keyboard.press(digit);
  await expect(kioskPage.getByRole('button', { name: '确定' })).toBeDisabled();
  await kioskPage.locator('[data-keypad="phone"] [data-key="0"]').click();
  expect(await a11yViolations(kioskPage)).toEqual([]);
  await kioskPage.screenshot({ path: path.join(screenshotDir, 'kiosk-ticket-sms.png') });
  await kioskPage.getByRole('button', { name: '确定' }).click();
  await expect(kioskPage.getByTestId('sms-reminder')).toHaveText('已设置短信提醒：前面剩 3 人时发到尾号 8000 的手机。');
  await expect(kioskPage.getByRole('button', { name: '完成' })).toBeVisible();
  expect(await hall.db.all('SELECT phone FROM ticket_phone')).toEqual([{ phone: '13800138000' }]);
  const mine = { followUrl: (await kioskPage.locator('img.qr').getAttribute('data-content'))!, ticket: { label: 'A005' } };
  await expect(kioskPage.getByTestId('ticket-number')).toHaveText(mine.ticket.label);
  await kioskPage.close();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, permissions: ['notifications'] });
  const phone = await context.newPage();
  // Records the notifications the page shows, and marks the page so a reload would be seen.
  await phone.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shown: string[] }).shown = shown;
    class Recorded {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title: string, options?: { body?: string }) {
        shown.push(`${title} | ${options?.body ?? ''}`);
      }
    }
    (window as unknown as { Notification: unknown }).Notification = Recorded;
  });
  await phone.goto(mine.followUrl);
  await phone.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
  await expect(phone.locator('[data-ahead]')).toHaveText('4');
  await expect(phone.locator('#standing')).toContainText('约');
  expect(await a11yViolations(phone)).toEqual([]);
  await phone.getByRole('button', { name: /快到我时提醒我/ }).click();
  await expect(phone.locator('#remind-state')).toContainText('前面剩 3 人时提醒您');

  const act = async () => {
    const answer = await counter.host.dispatch('counter.act', { act: { action: 'call-next' } });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  };
  await act();
  await expect(phone.locator('[data-ahead]')).toHaveText('3', { timeout: 15_000 });
  await expect
    .poll(() => phone.evaluate(() => (window as unknown as { shown: string[] }).shown))
    .toEqual([`${mine.ticket.label} 快到您了 · Your turn is near | 前面还有 3 人 · 3 ahead`]);
  await expect.poll(() => texts).toEqual([{ phone: '13800138000', text: expect.stringContaining('A005 号前面还有 3 人') }]);
  expect(await phone.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
  await phone.screenshot({ path: path.join(screenshotDir, 'follow-page.png') });

  // Once only, then on to the call itself (each call-next finishes the ticket before).
  for (let index = 0; index < 4; index += 1) await act();
  await expect(phone.locator('#standing')).toContainText('请到窗口办理', { timeout: 15_000 });
  expect(await phone.evaluate(() => (window as unknown as { shown: string[] }).shown)).toHaveLength(1);
  // The number is erased when the ticket ends; the text was sent once.
  expect(await counter.host.dispatch('counter.act', { act: { action: 'finish' } })).toMatchObject({ ok: true });
  await expect.poll(() => hall.db.all('SELECT phone FROM ticket_phone')).toEqual([]);
  expect(texts).toHaveLength(1);
  await context.close();
});
