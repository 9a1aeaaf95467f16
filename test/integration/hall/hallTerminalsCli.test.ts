import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../../main/contract/health.js';
import { enrollWithHall, HallClient } from '../../../main/sync/hallClient.js';
import { startAlertReceiver } from '../../support/alertReceiver.js';
import { runCli, startCli } from '../../support/cliProcess.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();

const beat = (terminalId: string, devices: Heartbeat['devices']): Heartbeat => ({
  terminalId,
  version: '0.1.0',
  uptimeSeconds: 5,
  role: 'kiosk',
  window: null,
  intervalSeconds: 30,
  devices,
  backlog: { events: 0, oldestAt: null, byType: {} },
  lastPullAt: null,
  configApplied: 0,
  freeDiskBytes: null,
  freeMemoryBytes: 1_000_000,
  screen: 'kiosk/home',
});

describe('onewindow hall --alerts and hall terminals, as an operator uses them', () => {
  it('calls the webhook of the alerts file and lists the terminals, alerting first', async () => {
    const dir = await tempDir();
    const db = path.join(dir, 'hall.db');
    const receiver = await startAlertReceiver();
    const alerts = path.join(dir, 'alerts.json');
    await writeFile(alerts, JSON.stringify({ webhooks: ['ftp://nowhere'] }));
    const bad = await runCli(['hall', '--db', db, '--port', '0', '--alerts', alerts]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('webhooks[0]: expected an http(s):// URL, got "ftp://nowhere"');

    await writeFile(alerts, JSON.stringify({ webhooks: [receiver.url], backlogThreshold: 50 }));
    const hall = await startCli(['hall', '--db', db, '--port', '0', '--alerts', alerts]);
    const hallUrl = hall.urls[0]!.replace(/\/$/, '');
    try {
      expect(hall.output().stdout).toContain(`operations: ${hallUrl}/operations`);
      const clients: HallClient[] = [];
      for (const id of ['K-01', 'K-02']) {
        const code = (await runCli(['hall', 'enroll-code', '--db', db, '--terminal', id, '--role', 'kiosk'])).stdout.trim();
        clients.push(new HallClient(await enrollWithHall(hallUrl, code)));
      }
      await clients[0]!.heartbeat(beat('K-01', [{ role: 'receiptPrinter', state: 'ready', detail: null }]));
      await clients[1]!.heartbeat(beat('K-02', [{ role: 'receiptPrinter', state: 'fault', detail: 'cover_open' }]));
      const [message] = await receiver.waitFor(1);
      expect(message).toMatchObject({
        event: 'raised',
        kind: 'device',
        terminalId: 'K-02',
        device: 'receiptPrinter',
        detail: 'cover_open',
      });

      const table = await runCli(['hall', 'terminals', '--db', db]);
      expect(table.code).toBe(0);
      const lines = table.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^TERMINAL +ROLE +STATE +LAST BEAT \(UTC\) +ALERTS \(SINCE\)/);
      expect(lines[1]).toMatch(
        /^K-02 +kiosk +ALERT +\S+ \S+ +receiptPrinter cover_open \(\d\d:\d\d:\d\d\) +0\.1\.0 +0\/0 +0 +kiosk\/home$/,
      );
      expect(lines[2]).toMatch(/^K-01 +kiosk +online +.* +- +0\.1\.0/);
      for (const client of clients) client.agent.destroy();
    } finally {
      hall.child.kill('SIGTERM');
      await hall.exited;
      await receiver.close();
    }
  }, 120_000);
});
