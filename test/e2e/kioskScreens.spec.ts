import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { a11yViolations, smallTouchTargets } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';

let queueHall: QueueHall;
test.afterEach(async () => {
  await queueHall.close();
});

type Mode = 'normal' | 'elder';

/** Text at least 28 px (headings 40), as the page computes it, for every visible text element outside the status line. */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const zoom = document.documentElement.classList.contains('elder') ? 1.3 : 1;
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('main *, .access-bar *, .dialog *')) {
      const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      if (!own || element.getClientRects().length === 0 || element.closest('[aria-hidden="true"]')) continue;
      const size = parseFloat(getComputedStyle(element).fontSize) * zoom;
      const minimum = /^H[1-3]$/.test(element.tagName) ? 40 : 28;
      if (size < minimum - 0.5) small.push(`${element.tagName} "${element.textContent!.trim().slice(0, 20)}" ${size}px`);
    }
    return small;
  });
}

/** Groups of choices that offer more than four at once ("more" aside): elder mode pages them four at a time. */
async function crowdedChoices(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main :is(.service-list, .choice-row, .filters, [data-choices], .category-grid, .slots)')]
      .filter((group) => group.getClientRects().length > 0)
      .map((group) => ({ group, count: group.querySelectorAll('button:not([data-more])').length }))
      .filter(({ count }) => count > 4)
      .map(({ group, count }) => `${group.className || group.tagName}: ${count}`),
  );
}

/**
 * One kiosk screen, checked as the issue asks: axe with every rule (color-contrast too) finds
 * nothing, targets are at least 80 px (×1.3 in elder mode), text is large enough, and a
 * screenshot at 1080×1920 is saved to be looked at.
 */
async function check(page: Page, mode: Mode, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  if (mode === 'elder') expect(await crowdedChoices(page), `${name} (elder)`).toEqual([]);
  expect(await a11yViolations(page), `${name} (${mode})`).toEqual([]);
  expect(await smallTouchTargets(page, mode === 'elder' ? 80 / 1.3 : 80), `${name} (${mode})`).toEqual([]);
  expect(await smallText(page), `${name} (${mode})`).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, `kiosk-${mode}-${name}.png`) });
}

async function home(page: Page, mode: Mode): Promise<void> {
  await expect(page.locator('.take-entry')).toBeVisible();
  if (mode === 'elder') {
    await page.getByRole('button', { name: '长辈模式' }).click();
    await expect(page.locator('html')).toHaveClass(/elder/);
  }
}

/** From home; in elder mode a category past the first three is behind "more". */
async function openCategory(page: Page, mode: Mode, category: string): Promise<void> {
  await home(page, mode);
  const tile = page.locator(`[data-category="${category}"]`);
  if (mode === 'elder' && !(await tile.isVisible())) await page.locator('[data-more]').click();
  await tile.click();
}

for (const mode of ['normal', 'elder'] as const) {
  test(`every kiosk screen in ${mode} mode: axe clean, large text and targets, screenshots in Chinese at 1080×1920`, async ({ page }) => {
    test.setTimeout(360_000);
    queueHall = await startQueueHall();
    const { kiosk } = queueHall;
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.goto(kiosk.launchUrl());
    await expect(page.getByText('文档打印机：正常')).toBeVisible({ timeout: 15_000 });

    await home(page, mode);
    if (mode === 'elder') {
      // At most four choices: "take a number", three services, and "more" for the rest.
      await expect(page.locator('[data-category]')).toHaveCount(3);
      await expect(page.locator('[data-more]')).toBeVisible();
    }
    await check(page, mode, 'home');

    await page.locator('.take-entry').click();
    await expect(page.locator('[data-service="B"]')).toBeVisible();
    await check(page, mode, 'queue-services');
    await page.locator('[data-service="B"]').click();
    await check(page, mode, 'queue-identify');
    await page.getByRole('button', { name: '读取身份证' }).click();
    if (mode === 'normal') {
      await expect(page.getByRole('dialog')).toContainText('长辈模式');
      await check(page, mode, 'elder-offer');
      await page.getByRole('button', { name: '不用了' }).click();
    }
    await expect(page.getByText('60 岁以上，优先办理')).toBeVisible();
    await page.locator('button.take').click();
    await expect(page.getByTestId('ticket-number')).toHaveText('B001');
    await check(page, mode, 'ticket');
    await page.getByRole('button', { name: '短信提醒我' }).click();
    await expect(page.getByRole('button', { name: '确定' })).toBeInViewport({ ratio: 1 });
    await check(page, mode, 'ticket-sms');
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '完成' }).click();

    await home(page, mode);
    await page.locator('[data-category="certificates"]').click();
    await check(page, mode, 'identify');
    await page.getByRole('button', { name: '读取身份证' }).click();
    if (mode === 'normal') await page.getByRole('button', { name: '不用了' }).click();
    await expect(page.getByRole('heading', { name: '查询授权' })).toBeVisible();
    await check(page, mode, 'consent');
    await page.getByRole('button', { name: '同意并继续' }).click();
    await expect(page.locator('[data-certificate]').first()).toBeVisible();
    await check(page, mode, 'certificates');
    await page.locator('[data-certificate]').first().click();
    await expect(page.getByRole('heading', { name: '打印完成' })).toBeVisible({ timeout: 60_000 });
    await check(page, mode, 'certificate-printed');
    await page.getByRole('button', { name: '结束办理' }).click();

    for (const category of ['social-security', 'appointments', 'convenience', 'transport']) {
      await openCategory(page, mode, category);
      await page.getByRole('button', { name: '读取身份证' }).click();
      if (mode === 'normal') await page.getByRole('button', { name: '不用了' }).click();
      await page.getByRole('button', { name: '同意并继续' }).click();
      await expect(page.getByRole('button', { name: '结束办理' })).toBeVisible();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      // Elder mode: four lookups at a time, "more" for the rest.
      if (mode === 'elder' && category === 'social-security') await expect(page.locator('[data-lookup]')).toHaveCount(4);
      await check(page, mode, category);
      if (category === 'appointments') {
        await page.locator('[data-appointment-service]').first().click();
        await expect(page.locator('[data-slot]').first()).toBeVisible();
        await check(page, mode, 'appointment-slots');
      }
      if (category === 'convenience') {
        if (mode === 'elder' && !(await page.locator('[data-convenience="complaint"]').isVisible()))
          await page.locator('[data-more]').click();
        await page.locator('[data-convenience="complaint"]').click();
        await check(page, mode, 'convenience-complaint-topic');
        await page.locator('[data-topic]').first().click();
        await page.locator('[data-district]').first().click();
        await page.locator('[data-street]').first().click();
        await check(page, mode, 'convenience-complaint-phone');
      }
      if (category === 'social-security') {
        // A lookup by year: five years, or in elder mode four and "more".
        await page.locator('[data-lookup="contributions-by-year"]').click();
        await expect(page.locator('.lookup-ask .choice-row button:not([data-more])')).toHaveCount(mode === 'elder' ? 4 : 5);
        await expect(page.locator('.lookup-ask [data-more]')).toHaveCount(mode === 'elder' ? 1 : 0);
        await check(page, mode, 'lookup-year');
        await page.locator('.lookup-ask .choice-row button:not([data-more])').first().click();
        await expect(page.locator('.lookup-result')).toBeVisible();
        await check(page, mode, 'lookup-result');
      }
      await page.getByRole('button', { name: '结束办理' }).click();
    }

    await openCategory(page, mode, 'government-services');
    await check(page, mode, 'government-services');
  });
}
