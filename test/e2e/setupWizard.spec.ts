import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import { IdCardSimulator } from '../../drivers/id-card/idCardSimulator.js';
import { ReceiptPrinterSimulator } from '../../drivers/receipt-printer/receiptPrinterSimulator.js';
import { openPtyPair } from '../../drivers/serial/ptyPair.js';
import { openSerialBytePort } from '../../drivers/serial/serialBytePort.js';
import { profilesDir } from '../../kiosk-config/paths.js';
import { decodeEnrollmentPayload, terminalSlotPaths, terminalSlotViewSchema } from '../../main/contract/terminalSlot.js';
import { runCli, startCli } from '../support/cliProcess.js';
import { startLoopbackHall, type LoopbackHall } from '../support/hallOnLoopback.js';
import { a11yViolations } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';

test.use({ hasTouch: true });

const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function createSlot(hall: LoopbackHall, cookie: string, slot: unknown) {
  const response = await fetch(`${hall.url}${terminalSlotPaths.slots}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(slot),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { payload: string; code: string };
}

const slotsOf = async (hall: LoopbackHall, cookie: string) =>
  terminalSlotViewSchema.array().parse(await (await fetch(`${hall.url}${terminalSlotPaths.slots}`, { headers: { cookie } })).json());

/** A pty whose far end is served by `serve`, or by nothing (a port that answers nothing). */
async function ptyDevice(serve?: (port: Awaited<ReturnType<typeof openSerialBytePort>>) => { close(): void }) {
  const pty = await openPtyPair();
  const port = await openSerialBytePort({ path: pty.simulatorPath, baudRate: 115200 });
  const served = serve?.(port);
  cleanups.push(async () => {
    served?.close();
    await port.close();
    await pty.close();
  });
  return pty.devicePath;
}

async function tapKeys(page: Page, keypad: string, text: string) {
  for (const character of text) await page.locator(`[data-keypad="${keypad}"] [data-key="${character}"]`).tap();
  await expect(page.locator(`[data-keypad="${keypad}"] output`)).toHaveText(text);
}

async function shoot(page: Page, name: string) {
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, `wizard-${name}.png`) });
}

test('a terminal with no config joins the hall by touch, binds the reader among decoys and the TCP printer, and lands on the kiosk home', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const hall = await startLoopbackHall('sqlite');
  cleanups.push(() => hall.close());
  const cookie = await hall.staffCookie();
  // The technician makes the slot on the hall's terminals page, and the page shows its QR code.
  const staffPage = await page.context().newPage();
  await staffPage.context().addCookies([{ name: cookie.split('=')[0]!, value: cookie.split('=')[1]!, url: hall.url }]);
  await staffPage.goto(`${hall.url}${terminalSlotPaths.page}`);
  const form = staffPage.locator('form.create');
  await form.getByLabel('终端编号').fill('K-31');
  await form.getByLabel('角色').selectOption('kiosk');
  for (const box of await form.locator('input[name="services"]').all())
    await box.setChecked(['certificates', 'appointments', 'social-security'].includes((await box.getAttribute('value'))!));
  await form.getByLabel('空闲超时').fill('120');
  await form.getByRole('button', { name: /创建并生成接入二维码/ }).click();
  await expect(staffPage.locator('[data-created="K-31"] svg')).toBeVisible();
  expect(await a11yViolations(staffPage)).toEqual([]);
  await staffPage.screenshot({ path: path.join(screenshotDir, 'hall-terminals-created.png'), fullPage: true });
  const { hall: hallUrl, code } = decodeEnrollmentPayload((await staffPage.locator('[data-payload]').textContent())!);
  await staffPage.close();

  const silent = await ptyDevice();
  const noisy = await ptyDevice((port) => ({ close: port.onData(() => void port.write(Buffer.from('ERR\r\n'))) }));
  const reader = await ptyDevice((port) => {
    const simulator = new IdCardSimulator(port);
    simulator.insert(demoCards.resident);
    return simulator;
  });
  const printer = await ReceiptPrinterSimulator.start();
  cleanups.push(() => printer.stop());

  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-wizard-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const configFile = path.join(dir, 'terminal.json');
  const serving = await startCli(['serve', '--config', configFile, '--port', '0', '--data-dir', path.join(dir, 'data')], 1, {
    ONEWINDOW_SERIAL_CANDIDATES: [silent, noisy, reader].join(':'),
  });
  cleanups.push(async () => {
    serving.child.kill('SIGTERM');
    await serving.exited;
  });

  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(serving.urls[0]!);
  await expect(page.getByRole('heading', { name: '请选择设置和本终端使用的语言' })).toBeVisible();
  await shoot(page, '1-language');
  await page.getByRole('button', { name: '中文' }).tap();

  await expect(page.getByRole('heading', { name: '接入大厅' })).toBeVisible();
  await tapKeys(page, 'hall-address', new URL(hallUrl).host);
  await tapKeys(page, 'join-code', code);
  // A hall on https asks for the start of its certificate's fingerprint as well: joining waits for 16 digits.
  await page.getByLabel('大厅使用加密连接（https）').tap();
  await expect(page.locator('[data-keypad="fingerprint-start"]')).toBeVisible();
  await expect(page.getByRole('button', { name: '接入', exact: true })).toBeDisabled();
  await shoot(page, '2-join-https');
  await page.getByLabel('大厅使用加密连接（https）').tap();
  await expect(page.locator('[data-keypad="fingerprint-start"]')).toHaveCount(0);
  await shoot(page, '2-join');
  await page.getByRole('button', { name: '接入', exact: true }).tap();

  await expect(page.getByTestId('assigned-id')).toHaveText('K-31');
  await expect(page.getByText('自助服务终端').or(page.getByText(/自助/))).toBeVisible();
  await shoot(page, '3-confirm');
  await page.getByRole('button', { name: '确认' }).tap();

  await tapKeys(page, 'printer-address', `127.0.0.1:${printer.port}`);
  await page.getByRole('button', { name: '查找设备' }).tap();
  const readerRole = page.locator('[data-role="idCardReader"]');
  const printerRole = page.locator('[data-role="receiptPrinter"]');
  await expect(readerRole.locator(`[data-port="serial:${reader}"]`)).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  // In the wizard's language, as everything else on its screen.
  await expect(readerRole).toContainText(`${reader}：回应了身份证寻卡指令（感应区有证件）`);
  await expect(printerRole.locator(`[data-port="tcp://127.0.0.1:${printer.port}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.wizard-probed')).toContainText(`serial:${silent}`);
  await expect(page.locator('.wizard-probed')).toContainText(`serial:${noisy}`);
  await expect(page.locator('.wizard-probed')).toContainText('既不回应身份证寻卡指令，也不回应打印机状态查询');
  await shoot(page, '4-devices-found');

  await readerRole.locator('[data-test-role="idCardReader"]').tap();
  await expect(readerRole.locator('[data-result]')).toHaveAttribute('data-result', 'ok', { timeout: 20_000 });
  await printerRole.locator('[data-test-role="receiptPrinter"]').tap();
  await expect(printerRole.locator('[data-result]')).toHaveAttribute('data-result', 'ok', { timeout: 20_000 });
  // In the screen's language, from the i18n files: the reader's masked number, the printer's page.
  await expect(readerRole.locator('[data-result]')).toHaveText(/^正常：已读卡，证件号 \d{3}\*+\d{3}[\dX]$/);
  await expect(printerRole.locator('[data-result]')).toHaveText(/^正常：已打印测试页/);
  // The test receipt, decoded from the ESC/POS the simulated printer received: the terminal id and the time.
  const printed = printer.receipts.at(-1)!.lines.map((line) => line.text);
  expect(printed).toContain('终端 Terminal K-31');
  expect(printed.some((line) => /\d{2}:\d{2}/.test(line))).toBe(true);
  await shoot(page, '5-devices-tested');
  await page.getByRole('button', { name: /完成（2 台设备）/ }).tap();

  await expect(page.getByRole('heading', { name: '本终端已设置完成' })).toBeVisible({ timeout: 30_000 });
  await shoot(page, '6-done');
  const config = JSON.parse(await readFile(configFile, 'utf8'));
  expect(config).toMatchObject({
    terminalId: 'K-31',
    role: 'kiosk',
    upstream: hallUrl,
    devices: { idCardReader: { port: `serial:${reader}` }, receiptPrinter: { port: `tcp://127.0.0.1:${printer.port}` } },
  });
  await page.getByRole('button', { name: '启动终端' }).tap();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('政务服务 24 小时自助区', { timeout: 30_000 });
  await expect(page.getByTestId('hall-status')).toHaveText('大厅服务器已连接', { timeout: 30_000 });
  await expect(page.locator('.category-tile')).toHaveCount(3, { timeout: 30_000 });
  await expect.poll(async () => (await slotsOf(hall, cookie))[0], { timeout: 30_000 }).toMatchObject({ enrolled: true, appliedVersion: 1 });
  await page.screenshot({ path: path.join(screenshotDir, 'wizard-7-kiosk-home.png') });
});

test('the hall changes a kiosk’s idle timeout and services; the kiosk applies both live and the hall shows them applied', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const hall = await startLoopbackHall('sqlite');
  cleanups.push(() => hall.close());
  const cookie = await hall.staffCookie();
  const { code } = await createSlot(hall, cookie, {
    terminalId: 'K-32',
    role: 'kiosk',
    settings: { services: ['certificates', 'appointments', 'social-security'], idleTimeoutSeconds: 120, locale: 'zh-CN' },
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-live-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const profile = JSON.parse(await readFile(path.join(profilesDir, 'demo-kiosk.json'), 'utf8'));
  delete profile.$schema;
  const configFile = path.join(dir, 'k32.json');
  await writeFile(configFile, JSON.stringify({ ...profile, terminalId: 'K-32', upstream: hall.url, dataDir: 'data', services: [] }));
  expect((await runCli(['enroll', '--hall', hall.url, '--code', code, '--config', configFile])).code).toBe(0);
  const serving = await startCli(['serve', '--config', configFile, '--port', '0']);
  cleanups.push(async () => {
    serving.child.kill('SIGTERM');
    await serving.exited;
  });

  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(serving.urls[0]!.replace('#/kiosk', '#/setup'));
  for (const digit of '246813') await page.locator(`[data-key="${digit}"]`).tap();
  await page.getByRole('button', { name: '进入' }).tap();
  const idle = page.locator('dt', { hasText: '无操作超时' }).locator('xpath=following-sibling::dd[1]');
  await expect(idle).toHaveText(/120/, { timeout: 30_000 });

  const change = await fetch(`${hall.url}/api/v1/terminal-slots/K-32/config`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ idleTimeoutSeconds: 45, services: ['certificates'] }),
  });
  expect(await change.json()).toEqual({ version: 2 });
  await expect(idle).toHaveText(/45/, { timeout: 30_000 });
  // What the hall set is marked as the hall's, to be changed there; what the terminal was given at enrollment is not.
  await expect(idle).toContainText('由大厅设定');
  await expect(page.locator('[data-fact="services"]')).toHaveText(/^certificates由大厅设定$/);
  await expect(page.locator('[data-fact="terminalId"]')).toHaveText('K-32');
  await expect(page.getByTestId('hall-managed-note')).toContainText('已应用第 2 版');
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'setup-hall-managed.png') });
  await page.getByRole('button', { name: '返回' }).tap();
  await expect(page.locator('.category-tile')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.category-tile .name')).toHaveText(['证明打印']);

  const staffPage = await page.context().newPage();
  await staffPage.context().addCookies([{ name: cookie.split('=')[0]!, value: cookie.split('=')[1]!, url: hall.url }]);
  await staffPage.goto(`${hall.url}${terminalSlotPaths.page}`);
  const row = staffPage.locator('tr[data-terminal="K-32"]');
  await expect(async () => {
    await staffPage.reload();
    await expect(row.locator('[data-applied]')).toHaveText('2', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.locator('[data-state]')).toHaveText('已生效 · applied');
  await staffPage.screenshot({ path: path.join(screenshotDir, 'hall-terminals-applied.png') });
});
