import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { businessDay } from '../../main/contract/businessDay.js';
import { startLoopbackCentre, type LoopbackCentre } from '../support/centreOnLoopback.js';
import { figuresQueue, queueAtClock } from '../support/figuresHall.js';
import { startLoopbackHall, type LoopbackHall } from '../support/hallOnLoopback.js';
import { a11yViolations, cjkFontLoaded } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';

const shanghaiLocal = (at: number) => format(new TZDate(at, 'Asia/Shanghai'), 'yyyy-MM-dd HH:mm');

let centre: LoopbackCentre;
const halls: LoopbackHall[] = [];
test.beforeEach(async () => {
  centre = await startLoopbackCentre('sqlite');
  halls.splice(0);
});
test.afterEach(async () => {
  for (const hall of halls) await hall.close();
  await centre.close();
});

test('the command centre shows three halls side by side with the district total, and the public page their waits now', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const queue = await figuresQueue();
  const names = ['城东便民服务中心', '城西便民服务中心', '高新区政务大厅'];
  const today = businessDay(new Date(), queue.resetHour, queue.timeZone);
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const todayStart = new TZDate(year, month - 1, day, queue.resetHour, 0, 0, queue.timeZone).getTime();
  for (const [index, name] of names.entries()) {
    const hall = await startLoopbackHall('sqlite', { queue, centreReportMs: 200 });
    halls.push(hall);
    await hall.enroll('K-01', { role: 'kiosk' });
    const desk = await queueAtClock(hall, queue);
    // A day of 6, 12 and 18 tickets, one every 30 minutes from 09:00, each called after 2 to 20 minutes and served in 4; some rated.
    for (let n = 0; n < 6 * (index + 1); n += 1) {
      const at = (minutes: number) =>
        `${yesterday} ${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const [start, wait] = [n * 30, [2, 6, 12, 20][(n + index) % 4]!];
      const ticket = await desk.issue(at(start), n % 3 ? 'A' : 'B');
      await desk.act(at(start + wait), 1 + (n % 2), { action: 'call-next' });
      await desk.act(at(start + wait + 4), 1 + (n % 2), { action: 'finish' });
      if (n % 3 === 0) await desk.rate(ticket.id, n % 2 ? 2 : 5);
    }
    // Now: people waiting at each hall, taken minutes ago but not before today's reset hour (just after it,
    // minutes ago is yesterday's business day, and yesterday's figures would count them).
    for (let n = 0; n <= index; n += 1) await desk.issue(shanghaiLocal(Math.max(Date.now() - (n + 1) * 7 * 60_000, todayStart)), 'A');
    await centre.link(hall, `hall-${index + 1}`, name);
  }
  const cookie = await centre.staffCookie();
  await expect
    .poll(
      async () =>
        (await (await fetch(`${centre.url}/api/v1/centre/figures?from=${yesterday}&to=${yesterday}`, { headers: { cookie } })).json()).total
          ?.arrivals,
      { timeout: 20_000 },
    )
    .toBe(36);

  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${centre.url}/dashboard?from=${yesterday}&to=${yesterday}`);
  await page.getByRole('link', { name: '工作人员登录 · Staff login' }).click();
  await page.getByLabel('用户名 · Username').fill('centre-staff');
  await page.getByLabel('密码 · Password').fill('centre-staff-password');
  await page.getByRole('button', { name: '登录 · Log in' }).click();
  await page.goto(`${centre.url}/dashboard?from=${yesterday}&to=${yesterday}`);
  const sideBySide = page.locator('#halls tbody tr');
  await expect(sideBySide).toHaveCount(4);
  await expect(sideBySide.nth(0)).toContainText('城东便民服务中心');
  await expect(sideBySide.nth(3).locator('th')).toHaveText('全区合计 District total');
  await expect(sideBySide.nth(3).locator('td').nth(0)).toHaveText('36');
  await expect(sideBySide.nth(3).locator('td').nth(1)).toHaveText('36');
  await expect(page.locator('#now tbody tr').nth(3)).toContainText('3/3 在线 online');
  await expect(page.locator('figure.chart svg')).toHaveCount(2);
  expect(await cjkFontLoaded(page)).toBe(true);
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'centre-dashboard.png'), fullPage: true });
  const csv = await (
    await fetch(`${centre.url}/dashboard/export/halls.csv?from=${yesterday}&to=${yesterday}`, { headers: { cookie } })
  ).text();
  expect(csv).toContain('全区合计 District total,36,36,0,0,');

  const waits = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await waits.goto(`${centre.url}/wait`);
  for (const name of names) await expect(waits.getByRole('heading', { name })).toBeVisible();
  await expect(waits.locator('section.hall').first()).toContainText('综合受理 · General matters');
  expect(await cjkFontLoaded(waits)).toBe(true);
  expect(await a11yViolations(waits)).toEqual([]);
  await waits.screenshot({ path: path.join(screenshotDir, 'centre-public-waits.png'), fullPage: true });
});
