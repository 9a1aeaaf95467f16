import { expect, test, type Page } from '@playwright/test';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';

let queueHall: QueueHall;
test.afterEach(async () => {
  console.log(
    JSON.stringify(
      queueHall.kiosk.host.spoken.lines().map((l) => l.text),
      null,
      1,
    ),
  );
  await queueHall.close();
});

/** What the kiosk asked its host to say, in order. */
function spoken(kiosk: RunningTerminal): string[] {
  return kiosk.host.spoken.lines().map((line) => line.text);
}

/** Each expected text is part of a line said after the line the previous one was found in. */
function inOrder(lines: string[], expected: string[]): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const text of expected) {
    const at = lines.findIndex((line, index) => index >= from && line.includes(text));
    if (at === -1) missing.push(text);
    else from = at + 1;
  }
  return missing;
}

/** Arrow down (the keypad's ▼) until the focused element matches `selector`; the keypad has no pointer. */
async function focusWithArrows(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press('ArrowDown');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`focus never reached ${selector}`);
}

async function openKiosk(page: Page, kiosk: RunningTerminal, printer: string): Promise<void> {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(kiosk.launchUrl());
  await expect(page.getByText(`${printer}：正常`)).toBeVisible({ timeout: 15_000 });
}

test('keypad only: take a ticket, hearing each step, the focused items and the number digit by digit', async ({ page }) => {
  test.setTimeout(240_000);
  queueHall = await startQueueHall();
  const { kiosk } = queueHall;
  await openKiosk(page, kiosk, '凭条打印机');
  expect(spoken(kiosk)).toEqual([]);

  // The first key turns speech on and says where the citizen is; focus starts in the screen's main part.
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.take-entry')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('steps').locator('[aria-current="step"]')).toContainText('选择业务');
  await focusWithArrows(page, '[data-service="B"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('steps').locator('[aria-current="step"]')).toContainText('取号');
  await focusWithArrows(page, 'button.take');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-number')).toHaveText('B001', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: '完成' })).toBeFocused();

  // The first key's prompt and the item it focused are asked of the host at the same moment, on two requests
  // that may arrive either way round (the screen's speaker still plays the prompt first): the item is looked for below.
  await expect
    .poll(() =>
      inOrder(spoken(kiosk), [
        '您好，请选择要办理的业务',
        '第 1 步，共 3 步：选择业务',
        '社保医保',
        '第 2 步，共 3 步：取号 60 岁以上老年人请放置身份证，优先办理',
        '我是残疾人，需要优先服务',
        '取号',
        '正在取号',
        '您的号码：B零零一。前面还有 0 人。社保医保 预计等候约 0 分钟 请取走号票，留意叫号',
      ]),
    )
    .toEqual([]);
  expect(spoken(kiosk)).toContainEqual(expect.stringMatching(/^取号排队/));
  expect(spoken(kiosk).every((line) => !line.includes('B001'))).toBe(true);

  // Back home with Enter; the help key says the screen's guidance again.
  await page.keyboard.press('Enter');
  await expect(page.locator('.take-entry')).toBeVisible();
  const before = spoken(kiosk).length;
  await page.keyboard.press('F1');
  await expect.poll(() => spoken(kiosk).slice(before).join('|')).toContain('您好，请选择要办理的业务');
});

test('keypad only: a citizen of 60+ is offered elder mode, takes it, and prints a certificate, hearing every step', async ({ page }) => {
  test.setTimeout(240_000);
  queueHall = await startQueueHall();
  const { kiosk } = queueHall;
  await openKiosk(page, kiosk, '文档打印机');

  await focusWithArrows(page, '[data-category="certificates"]');
  await page.keyboard.press('Enter');
  // The card says 1949: elder mode is offered at once, its "yes" focused. A reader that did not answer (a busy
  // machine) is tried again, as the citizen would, with the same keys.
  const offer = page.getByRole('dialog');
  for (let attempt = 1; ; attempt++) {
    await focusWithArrows(page, '.citizen-gate button.primary');
    await page.keyboard.press('Enter');
    if (
      await offer.waitFor({ timeout: 20_000 }).then(
        () => true,
        () => attempt === 3,
      )
    )
      break;
  }
  await expect(offer).toContainText('您已年满 60 岁');
  await expect(offer.getByRole('button', { name: '开启长辈模式' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/elder/);
  await expect(page.getByRole('button', { name: '长辈模式' })).toHaveAttribute('aria-pressed', 'true');

  await focusWithArrows(page, '.citizen-gate button.primary');
  await page.keyboard.press('Enter');
  // Elder mode: at most four certificates, "more" for the rest.
  await expect(page.locator('[data-certificate]')).toHaveCount(4);
  await focusWithArrows(page, '[data-more]');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-certificate]')).toHaveCount(2);
  // The focus goes to the first of the new choices, not back to "more".
  await expect(page.locator('[data-certificate]').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '打印完成' })).toBeVisible({ timeout: 60_000 });

  await expect
    .poll(() =>
      inOrder(spoken(kiosk), [
        '您好，请选择要办理的业务',
        '证明打印',
        '第 1 步，共 4 步：读取证件 请放置身份证，或出示电子证照二维码',
        '读取身份证',
        '您已年满 60 岁，要开启长辈模式吗？',
        '长辈模式已开启 第 2 步，共 4 步：查询授权',
        '同意并继续',
        '第 3 步，共 4 步：选择证明',
        '更多',
        '第 4 步，共 4 步：打印',
        '打印完成 请在出纸口取走您的证明。',
      ]),
    )
    .toEqual([]);

  // Back (the keypad's ↩) ends the session: elder mode ends with it.
  await page.keyboard.press('Escape');
  await expect(page.locator('.take-entry')).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/elder/);
  expect((await kiosk.host.dispatch('citizen.current', {})) as unknown).toMatchObject({ result: { citizen: null } });
});
