import { expect, test } from '@playwright/test';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { declineElderOffer } from './elderOffer.js';

let queueHall: QueueHall;
test.afterEach(async () => {
  await queueHall.close();
});

test.beforeEach(({ page }) => declineElderOffer(page));

test('the host counts down an idle session even while the screen is touched; "continue" keeps it, else the kiosk goes home', async ({
  page,
}) => {
  test.setTimeout(120_000);
  queueHall = await startQueueHall(
    'sqlite',
    {},
    { idleTimeoutSeconds: 15, citizenSession: { endOnCardRemoval: false, idleWarningSeconds: 5 } },
  );
  const { kiosk } = queueHall;
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(kiosk.launchUrl());
  await page.locator('[data-category="certificates"]').click();
  await page.getByRole('button', { name: '读取身份证' }).click();
  await page.getByRole('button', { name: '同意并继续' }).click();
  await expect(page.locator('[data-certificate]')).toHaveCount(6);

  // Touches that make no call keep the screen's own clock at bay, not the host's.
  const touching = setInterval(
    () =>
      void page
        .locator('body')
        .dispatchEvent('pointerdown')
        .catch(() => undefined),
    2000,
  );
  try {
    const countdown = page.getByRole('alertdialog');
    await expect(countdown).toContainText('秒后将退出并清除您的信息', { timeout: 25_000 });
    // Heard too, with speech off: the warning and the way out, in the screen's language.
    await expect
      .poll(() => kiosk.host.spoken.lines().map((line) => line.text))
      .toContainEqual(expect.stringMatching(/秒后将退出并清除您的信息 需要更多时间$/));
    await countdown.getByRole('button', { name: '需要更多时间' }).click();
    await expect(countdown).toBeHidden();
    expect(await kiosk.host.dispatch('citizen.current', {})).toMatchObject({ result: { citizen: { consented: true } } });

    // Now nobody answers the countdown: the host ends the session and the screen follows.
    await expect(countdown).toBeVisible({ timeout: 25_000 });
    await expect(page.getByRole('button', { name: /取号排队/ })).toBeVisible({ timeout: 10_000 });
    expect(await kiosk.host.dispatch('citizen.current', {})).toMatchObject({ result: { citizen: null } });
  } finally {
    clearInterval(touching);
  }
});
