import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { RpcOutput } from '../../main/contract/rpc.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { seriousA11yViolations } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';

let queueHall: QueueHall;
test.afterEach(async () => {
  await queueHall.close();
});

test("the ticket's QR page follows the queue live without a reload, and notifies in the browser when 3 are ahead", async ({ browser }) => {
  test.setTimeout(180_000);
  queueHall = await startQueueHall();
  const { kiosk, counter } = queueHall;
  const taken: RpcOutput<'queue.takeTicket'>[] = [];
  for (let index = 0; index < 5; index += 1) {
    const answer = await kiosk.host.dispatch('queue.takeTicket', { service: 'A', disability: false });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    taken.push(answer.result as RpcOutput<'queue.takeTicket'>);
  }
  const mine = taken.at(-1)!;
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
  expect(await seriousA11yViolations(phone)).toEqual([]);
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
  expect(await phone.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
  await phone.screenshot({ path: path.join(screenshotDir, 'follow-page.png') });

  // Once only, then on to the call itself (each call-next finishes the ticket before).
  for (let index = 0; index < 4; index += 1) await act();
  await expect(phone.locator('#standing')).toContainText('请到窗口办理', { timeout: 15_000 });
  expect(await phone.evaluate(() => (window as unknown as { shown: string[] }).shown)).toHaveLength(1);
  await context.close();
});
