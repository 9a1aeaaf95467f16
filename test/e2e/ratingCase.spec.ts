import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { testStaff } from '../support/hallOnLoopback.js';
import { cjkFontLoaded, a11yViolations } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';

test.setTimeout(240_000);
let queueHall: QueueHall;
test.beforeEach(async () => {
  queueHall = await startQueueHall();
});
test.afterEach(async () => {
  await queueHall.close();
});

async function logIn(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('link', { name: '工作人员登录 · Staff login' }).click();
  await page.getByLabel('用户名 · Username').fill(testStaff.username);
  await page.getByLabel('密码 · Password').fill(testStaff.password);
  await page.getByRole('button', { name: '登录 · Log in' }).click();
}

test('a 差评 at the counter becomes a case that staff close step by step; the dashboard shows the day', async ({ browser }) => {
  const { hall, kiosk, counter } = queueHall;
  const counterPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const ratingPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await counterPage.goto(counter.launchUrl());
  await ratingPage.goto(`${counter.launchUrl().replace(/#.*$/, '')}#/evaluate`);
  for (const service of ['A', 'B', 'A']) {
    const taken = await kiosk.host.dispatch('queue.takeTicket', { service, disability: false });
    expect(taken.ok).toBe(true);
  }

  // The counter serves the first ticket; the citizen rates it 非常不满意 · slow on the counter's second screen.
  await expect(counterPage.getByTestId('waiting-list')).toContainText('A001', { timeout: 10_000 });
  await counterPage.keyboard.press('F1');
  await expect(counterPage.getByTestId('current-ticket')).toHaveText('A001');
  await counterPage.keyboard.press('F4');
  await expect(ratingPage.getByRole('heading', { name: '请对本次服务进行评价' })).toBeVisible({ timeout: 10_000 });
  await ratingPage.getByRole('radio', { name: '非常不满意', exact: true }).click();
  await ratingPage.getByRole('button', { name: '办理慢' }).click();
  await ratingPage.getByRole('button', { name: '提交评价' }).click();
  await expect(ratingPage.getByText('感谢您的评价！')).toBeVisible();
  await counterPage.keyboard.press('F1');
  await expect(counterPage.getByTestId('current-ticket')).toHaveText('B001');

  // Staff: the case is there, at 核实, due in 5 working days; each step is completed with what was done.
  const staff = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await logIn(staff, `${hall.url}/dashboard/cases`);
  await staff.goto(`${hall.url}/dashboard/cases`);
  const row = staff.locator('[data-case-row="A001"]');
  await expect
    .poll(
      async () => {
        await staff.reload();
        return row.count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await expect(row.locator('.step')).toHaveText('核实 Verify');
  await expect(row).toContainText('1 ★ slow');
  const steps: [string, string, string][] = [
    ['核实', '调取录像，确认等候过久', 'lead-3'],
    ['整改', '午间增开 3 号窗口', ''],
    ['反馈', '已电话回访群众，致歉', ''],
    ['复核', '复核通过', ''],
  ];
  for (const [step, note, owner] of steps) {
    await row.getByLabel(/办理情况/).fill(note);
    if (owner) await row.getByLabel(/下一步负责人/).fill(owner);
    await row.getByRole('button', { name: new RegExp(`^完成${step}`) }).click();
    await expect(row).toContainText(note);
  }
  await expect(row.locator('.step')).toHaveText('已办结 Closed');
  await expect(row.locator('li')).toHaveCount(4);
  await expect(row).toContainText('lead-3');
  expect(await cjkFontLoaded(staff)).toBe(true);
  expect(await a11yViolations(staff)).toEqual([]);
  await staff.screenshot({ path: path.join(screenshotDir, 'hall-rating-cases.png') });

  // The dashboard: live tiles, charts, the day's tables.
  await staff.goto(`${hall.url}/dashboard`);
  await expect(staff.locator('[data-live^="等候"] b')).toHaveText('1');
  await expect(staff.locator('#services tbody tr').first()).toContainText('综合受理');
  await expect(staff.locator('#total tbody td').nth(1)).toHaveText('3');
  await expect(staff.locator('figure[data-chart="arrivals"] svg')).toBeVisible();
  await expect(staff.locator('figure[data-chart="ratings"] svg')).toContainText('评价走势');
  expect(await cjkFontLoaded(staff)).toBe(true);
  expect(await a11yViolations(staff)).toEqual([]);
  await staff.screenshot({ path: path.join(screenshotDir, 'hall-dashboard.png') });
  await staff.screenshot({ path: path.join(screenshotDir, 'hall-dashboard-full.png'), fullPage: true });
});
