import path from 'node:path';
import { expect, test } from '@playwright/test';
import { healthPaths } from '../../main/contract/health.js';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { HallClient } from '../../main/sync/hallClient.js';
import { startAlertReceiver, type AlertReceiver } from '../support/alertReceiver.js';
import { testStaff } from '../support/hallOnLoopback.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { a11yViolations } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';

/** The kiosk's heartbeat: the operations view must show a change within one of them (waits for the kiosk's own devices are generous: CI machines are slow). */
const beatSeconds = 10;

let queueHall: QueueHall;
let receiver: AlertReceiver;
test.beforeEach(async () => {
  receiver = await startAlertReceiver();
  queueHall = await startQueueHall(
    'sqlite',
    { alerts: { webhooks: [receiver.url], backlogThreshold: 200, missedBeats: 3 }, healthSweepMs: 200 },
    { heartbeatSeconds: beatSeconds },
  );
});
test.afterEach(async () => {
  await queueHall.close();
  await receiver.close();
});

test.setTimeout(300_000);

test("the receipt printer's paper out shows in the hall's operations view within one beat, reaches the webhook once, and clears", async ({
  browser,
}) => {
  const { hall, kiosk } = queueHall;
  // A fourth terminal that beat once and then went quiet: offline after 3 missed beats.
  const quiet = new HallClient(await hall.enroll('K-02', { role: 'kiosk' }), 60_000);
  await quiet.heartbeat({
    terminalId: 'K-02',
    version: '0.1.0',
    uptimeSeconds: 5,
    role: 'kiosk',
    window: null,
    intervalSeconds: 1,
    devices: [],
    backlog: { events: 0, oldestAt: null, byType: {} },
    lastPullAt: null,
    configApplied: 0,
    // 100 MB left: under the hall's free-disk floor (500 MB by default).
    freeDiskBytes: 100 * 1024 * 1024,
    freeMemoryBytes: 1_000_000_000,
    screen: 'kiosk/home',
  });

  const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await kioskPage.goto(kiosk.launchUrl());
  await expect(kioskPage.getByText('凭条打印机：正常', { exact: true })).toBeVisible({ timeout: 60_000 });

  const operations = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await operations.goto(hall.url + healthPaths.page);
  await operations.getByRole('link', { name: '工作人员登录 · Staff login' }).click();
  await operations.getByLabel('用户名 · Username').fill(testStaff.username);
  await operations.getByLabel('密码 · Password').fill(testStaff.password);
  await operations.getByRole('button', { name: '登录 · Log in' }).click();
  await operations.goto(hall.url + healthPaths.page);
  const row = (id: string) => operations.locator(`tr[data-terminal="${id}"]`);
  await expect(operations.getByText('● 实时 live')).toBeVisible();
  await expect(row('K-01')).toHaveClass('online', { timeout: beatSeconds * 1000 });
  await expect(row('C-03')).toHaveClass('online');
  await expect(row('K-02')).toHaveClass('offline');
  await expect(row('K-02')).toContainText('离线 Offline');
  await expect(row('K-02')).toContainText('磁盘空间不足 · disk low: less than 500 MB free');

  // Paper out: once the kiosk knows (its status strip), the hall shows it within one beat, at the top.
  kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!.status.paperOut = true;
  await expect(kioskPage.getByText('凭条打印机：缺纸', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(row('K-01')).toHaveClass('alerting', { timeout: beatSeconds * 1000 });
  await expect(row('K-01')).toContainText('小票打印机 · Receipt printer: 缺纸 · paper out');
  await expect(row('K-01')).toContainText('kiosk/home');
  await expect(operations.locator('tbody tr').first()).toHaveAttribute('data-terminal', /^K-0[12]$/);
  await expect(operations.locator('tbody tr').last()).not.toHaveClass('alerting');
  expect(await a11yViolations(operations)).toEqual([]);
  await operations.screenshot({ path: path.join(screenshotDir, 'hall-operations.png'), fullPage: true });
  // The printer's messages: on a loaded machine another device may time out a health check and raise (and recover) its own.
  const ofKiosk = () => receiver.received.filter((message) => message.terminalId === 'K-01' && message.device === 'receiptPrinter');
  await expect
    .poll(() => ofKiosk().map((message) => `${message.event} ${message.device} ${message.detail}`))
    .toEqual(['raised receiptPrinter paper_out']);

  // Paper back: the kiosk, the view and the webhook all clear.
  kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!.status.paperOut = false;
  await expect(kioskPage.getByText('凭条打印机：正常', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(row('K-01')).toHaveClass('online', { timeout: beatSeconds * 1000 });
  await expect
    .poll(() => ofKiosk().map((message) => `${message.event} ${message.device} ${message.detail}`))
    .toEqual(['raised receiptPrinter paper_out', 'recovered receiptPrinter paper_out']);
  // Once each: what the hall queued for K-01's printer is exactly what arrived.
  const queued = await hall.db.all<{ body: string }>('SELECT body FROM alert_delivery');
  expect(queued.filter(({ body }) => body.includes('"terminalId":"K-01"') && body.includes('"device":"receiptPrinter"'))).toHaveLength(2);
  expect(receiver.received.filter((message) => message.terminalId === 'K-02').map((message) => message.kind)).toEqual(['disk', 'offline']);
});
