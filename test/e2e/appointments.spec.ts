import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { appointmentsSoon } from '../support/appointmentsSoon.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { a11yViolations, smallTouchTargets } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';
import { declineElderOffer } from './elderOffer.js';

let queueHall: QueueHall;
test.afterEach(async () => {
  await queueHall.close();
});

test.beforeEach(({ page }) => declineElderOffer(page));

test('book the last place of a slot, the next citizen is refused, check in on the day: the ticket is printed and called before a walk-in', async ({
  page,
}) => {
  queueHall = await startQueueHall('sqlite', { appointments: await appointmentsSoon(10, 1) });
  const { kiosk, counter } = queueHall;
  const walkIn = await kiosk.host.dispatch('queue.takeTicket', { service: 'C', disability: false });
  expect(walkIn).toMatchObject({ ok: true, result: { ticket: { label: 'C001' } } });
  const printer = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!;

  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(kiosk.launchUrl());
  await page.locator('[data-category="appointments"]').click();
  await page.getByRole('button', { name: '读取身份证' }).click();
  await page.getByRole('button', { name: '同意并继续' }).click();
  await expect(page.getByText('您暂无预约')).toBeVisible();
  await page.locator('[data-appointment-service="real-estate"]').click();
  const slot = page.locator('[data-slot]').first();
  await expect(slot).toContainText('剩 1 个');
  await slot.click();
  for (const digit of '13800138000') await page.locator(`[data-keypad="phone"] [data-key="${digit}"]`).click();
  expect(await smallTouchTargets(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-appointment-phone.png') });
  await page.getByRole('button', { name: '确认预约' }).click();
  const code = (await page.getByTestId('appointment-code').textContent())!;
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByText('预约凭条已打印')).toBeVisible();
  expect(printer.receipts.at(-1)!.qrCodes).toEqual([`OWAPPT:${code}`]);
  expect(printer.receipts.at(-1)!.lines.map((line) => line.text)).toContain(`预约号：${code}`);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-appointment-booked.png') });
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByRole('button', { name: '结束办理' }).click();

  // Another citizen wants the same place: it is full.
  await kiosk.host.dispatch('citizen.scanEid', { code: 'OWEID:demo-eid-chen-shili' });
  await kiosk.host.dispatch('citizen.consent', {});
  const slots = await kiosk.host.dispatch('appointments.slots', { service: 'real-estate' });
  const first = (slots as { ok: true; result: { day: string; time: string; left: number }[] }).result[0]!;
  expect(first.left).toBe(0);
  expect(
    await kiosk.host.dispatch('appointments.book', { service: 'real-estate', day: first.day, time: first.time, phone: '13900139000' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'refused', reason: 'slot_full' },
  });
  await kiosk.host.dispatch('citizen.end', {});

  // On the day: the first citizen checks in and gets a ticket that goes before the walk-in.
  await page.locator('[data-category="appointments"]').click();
  await page.getByRole('button', { name: '读取身份证' }).click();
  await page.getByRole('button', { name: '同意并继续' }).click();
  await expect(page.locator(`[data-appointment="${code}"]`)).toContainText('已预约');
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-my-appointments.png') });
  await page.locator(`[data-appointment="${code}"]`).getByRole('button', { name: '签到取号' }).click();
  await expect(page.getByTestId('ticket-number')).toHaveText('C002');
  expect(printer.receipts.at(-1)!.lines.map((line) => line.text)).toContain('C002');
  const called = await counter.host.dispatch('counter.act', { act: { action: 'call-next' } });
  expect(called).toMatchObject({ ok: true, result: { current: { label: 'C002' } } });

  // At the counter, the clerk reads the citizen's card and sees today's appointment.
  const counterPage = await page.context().newPage();
  await counterPage.setViewportSize({ width: 1920, height: 1080 });
  await counterPage.goto(counter.launchUrl());
  await expect(counterPage.getByTestId('current-ticket')).toHaveText('C002');
  await counterPage.keyboard.press('F8');
  await expect(counterPage.getByTestId('citizen-appointment')).toContainText(`（${code}，已签到）`);
  await counterPage.screenshot({ path: path.join(screenshotDir, 'counter-citizen-appointment.png') });
});
