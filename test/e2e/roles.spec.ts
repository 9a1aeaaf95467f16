import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cjkFontLoaded, a11yViolations } from './accessibility.js';
import { screenshotDir, serveProfile } from './servedTerminal.js';

test('the counter screen shows its window, the services it serves and its keys', async ({ page }) => {
  const terminal = await serveProfile('demo-counter');
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await terminal.open(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('3 号窗口');
    await expect(page.getByText('A 综合受理 · B 社保医保 · C 出入境证件')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('暂无办理中的号码')).toBeVisible();
    await expect(page.getByRole('button', { name: /呼叫下一位/ })).toBeEnabled();
    await expect(page.getByText('窗口屏：正常')).toBeVisible({ timeout: 15_000 });
    expect(await cjkFontLoaded(page)).toBe(true);
    expect(await a11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, 'counter.png') });
  } finally {
    await terminal.stop();
  }
});

test('the hall display shows the now-calling board', async ({ page }) => {
  const terminal = await serveProfile('demo-display');
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await terminal.open(page);
    await expect(page.getByRole('heading', { name: '正在叫号' })).toBeVisible();
    await expect(page.getByText('暂无叫号')).toBeVisible();
    expect(await cjkFontLoaded(page)).toBe(true);
    expect(await a11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, 'display.png') });
  } finally {
    await terminal.stop();
  }
});

test('a hall display recovers by itself when its host restarts', async ({ page }) => {
  const first = await serveProfile('demo-display', { keepDir: true });
  const port = new URL(first.url).port;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await first.open(page);
  await expect(page.getByRole('heading', { name: '正在叫号' })).toBeVisible();
  await first.stop();

  // The same terminal comes back on the same port. The display's cookie is signed with the key kept in
  // the terminal's data folder, so the screen stays paired: its next calls reach the new host, no reload.
  const second = await first.restart(port);
  try {
    const answered = await page.waitForResponse((response) => response.url().includes('/api/rpc/') && response.status() === 200, {
      timeout: 30_000,
    });
    expect(answered.ok()).toBe(true);
    await expect(page.getByRole('heading', { name: '正在叫号' })).toBeVisible();
    await expect(page.getByText('This screen is not paired')).toHaveCount(0);
  } finally {
    await second.stop();
  }
});
