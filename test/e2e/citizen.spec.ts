import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import type { DocumentPrinterDevice } from '../../main/devices/documentPrinterDevice.js';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { cjkFontLoaded, a11yViolations, smallTouchTargets } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';
import { declineElderOffer } from './elderOffer.js';
import { readCitizenCatalog } from '../../hall-config/readCitizenCatalog.js';

const run = promisify(execFile);
let queueHall: QueueHall;
test.afterEach(async () => {
  await queueHall.close();
});

test.beforeEach(({ page }) => declineElderOffer(page));

test('ID card → consent → a certificate printed as a PDF that says who (masked) and its code, which the hall confirms', async ({
  page,
}) => {
  queueHall = await startQueueHall();
  const { kiosk, hall } = queueHall;
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(kiosk.launchUrl());
  await expect(page.getByText('文档打印机：正常')).toBeVisible({ timeout: 15_000 });
  await page.locator('[data-category="certificates"]').click();
  await page.getByRole('button', { name: '读取身份证' }).click();
  await expect(page.getByRole('heading', { name: '查询授权' })).toBeVisible();
  await expect(page.getByTestId('citizen-who')).toHaveText('王**  110***********002X');
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-consent.png') });
  await page.getByRole('button', { name: '同意并继续' }).click();
  await expect(page.locator('[data-certificate]')).toHaveCount(6);
  expect(await smallTouchTargets(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-certificates.png') });
  await page.locator('[data-certificate="pension-payment"]').click();
  await expect(page.getByRole('heading', { name: '打印完成' })).toBeVisible({ timeout: 20_000 });
  const code = (await page.getByTestId('certificate-code').textContent())!.replace('验证码：', '');
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(await cjkFontLoaded(page)).toBe(true);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-certificate-printed.png') });

  const spool = kiosk.host.devices.device<DocumentPrinterDevice>('documentPrinter')!.spool!;
  const [job] = (await readdir(spool.directory, { recursive: true })).filter((name) => name.endsWith('.data'));
  const { stdout: text } = await run('pdftotext', ['-layout', path.join(spool.directory, job!), '-']);
  expect(text).toContain('110***********002X');
  expect(text).toContain(code);
  const verification = await page.context().newPage();
  await verification.goto(`${hall.url}/verify/${code}`);
  await expect(verification.getByRole('heading', { name: '真实有效 · Genuine' })).toBeVisible();
  expect(await cjkFontLoaded(verification)).toBe(true);
  await verification.screenshot({ path: path.join(screenshotDir, 'verify-page.png') });

  await page.getByRole('button', { name: '结束办理' }).click();
  await expect(page.getByRole('button', { name: /取号排队/ })).toBeVisible();
  expect((await kiosk.host.dispatch('citizen.current', {})).ok && (await kiosk.host.dispatch('citizen.current', {}))).toMatchObject({
    result: { citizen: null },
  });
});

test('three lookups, one printed as a receipt; a back end that does not answer gets a clear message and the kiosk carries on', async ({
  page,
}) => {
  queueHall = await startQueueHall('sqlite', { backendDelays: { 'medical-insurance': 60_000 } });
  const { kiosk } = queueHall;
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(kiosk.launchUrl());
  await page.locator('[data-category="social-security"]').click();
  await page.getByRole('button', { name: '读取身份证' }).click();
  await page.getByRole('button', { name: '同意并继续' }).click();
  // Every social-security lookup the hall's catalogue names, and no other.
  const catalog = await readCitizenCatalog();
  await expect(page.locator('[data-lookup]')).toHaveCount(catalog.lookups.filter((lookup) => lookup.group === 'social-security').length);
  // A key of the keypad turns speech on: from then on the list, the questions and each result are read out.
  await page.keyboard.press('ArrowDown');
  const heard = () => kiosk.host.spoken.lines().map((line) => line.text);
  await expect.poll(() => heard().join('|')).toContain('社保与市民卡查询 请选择要查询的项目。');

  await page.locator('[data-lookup="contributions-by-year"]').click();
  const lastYear = String(new Date().getFullYear() - 1);
  await page.getByRole('button', { name: lastYear, exact: true }).click();
  await expect(page.getByRole('table')).toContainText(`${lastYear}-12`);
  await expect(page.locator('dd').first()).toHaveText(lastYear);
  const rows = await page.locator('tbody tr').count();
  // The facts one by one, then the table by its size, then how to keep it.
  await expect
    .poll(() => heard().at(-1))
    .toMatch(new RegExp(`^年份：${lastYear} 缴费月数：\\d+ .+ 共 ${rows} 条记录。 ?需要凭条，请按“打印凭条”。$`));
  expect(heard().join('|')).toContain('请选择年份。');
  // What is said is on the screen too.
  await expect(page.getByRole('table')).toContainText(`共 ${rows} 条记录。`);
  await expect(page.getByText('需要凭条，请按“打印凭条”。')).toBeVisible();
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-lookup-contributions.png') });
  await page.getByRole('button', { name: '打印凭条' }).click();
  await expect(page.getByText('凭条已打印，请取走。')).toBeVisible();
  await expect.poll(() => heard().at(-1)).toBe('凭条已打印，请取走。');
  const receipt = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!.receipts.at(-1)!;
  expect(receipt.lines.map((line) => line.text)).toEqual(
    expect.arrayContaining(['社保缴费记录', '王** 110***********002X', `年份：${lastYear}`]),
  );

  await page.getByRole('button', { name: '返回查询列表' }).click();
  await page.locator('[data-lookup="citizen-card-status"]').click();
  await expect(page.locator('.lookup-result')).toContainText('3101****0088');
  await expect.poll(() => heard().join('|')).toContain('3101****0088');
  await page.getByRole('button', { name: '返回查询列表' }).click();

  await page.locator('[data-lookup="medical-balance"]').click();
  await expect(page.getByRole('alert')).toHaveText('医疗保障信息系统暂未响应，请稍后再试，或到 3 号窗口办理。', { timeout: 15_000 });
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-lookup-backend-timeout.png') });
  await page.locator('[data-lookup="pension-account"]').click();
  await expect(page.locator('.lookup-result')).toContainText('累计储存额');
});
