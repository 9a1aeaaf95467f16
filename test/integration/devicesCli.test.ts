import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cliProcess.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('onewindow devices', () => {
  it('lists what is attached, saying what it could not look at', async () => {
    const listed = await runCli(['devices', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^Serial ports:\n[\s\S]*USB-HID devices:\n[\s\S]*Printer queues \(CUPS\):\n/);
  });

  it('tests a network receipt printer run by `onewindow simulate receipt-printer` in another process', async () => {
    const printer = await startCli(['simulate', 'receipt-printer', '--port', '0'], 0);
    try {
      await waitFor(() => /tcp:\/\/127\.0\.0\.1:(\d+)/.test(printer.output().stdout), 'the simulator port');
      const address = /tcp:\/\/127\.0\.0\.1:\d+/.exec(printer.output().stdout)![0];
      const config = path.join(await tempDir(), 'kiosk.json');
      await writeFile(
        config,
        JSON.stringify({
          terminalId: 'K-07',
          hallId: 'h',
          role: 'kiosk',
          upstream: 'embedded',
          devices: { receiptPrinter: { port: address } },
        }),
      );

      const tested = await runCli(['devices', 'test', 'receiptPrinter', '--config', config]);
      expect(tested.stdout).toContain(`receiptPrinter at ${address}: ready`);
      expect(tested.stdout).toContain('test: passed: printed a test page');
      expect(tested.code).toBe(0);
      await waitFor(() => printer.output().stdout.includes('----- cut -----'), 'the printed receipt');
      expect(printer.output().stdout).toContain('终端 Terminal K-07');
    } finally {
      printer.child.kill('SIGINT');
      await printer.exited;
    }
  });

  it('shows text on an LED display run by `onewindow simulate led` in another process', async () => {
    const led = await startCli(['simulate', 'led', '--address', '3'], 0);
    try {
      await waitFor(() => /connect to (\S+)/.test(led.output().stdout), 'the simulator path');
      const devicePath = /connect to (\S+)/.exec(led.output().stdout)![1]!;
      const config = path.join(await tempDir(), 'counter.json');
      await writeFile(
        config,
        JSON.stringify({
          terminalId: 'C-03',
          hallId: 'h',
          role: 'counter',
          windowNumber: 3,
          upstream: 'embedded',
          devices: { ledDisplay: { port: `serial:${devicePath}`, address: 3 } },
        }),
      );
      const tested = await runCli(['devices', 'test', 'ledDisplay', '--config', config]);
      expect(tested.stdout).toContain('test: passed: showed "3号窗口 测试" on the display at address 3');
      await waitFor(() => led.output().stdout.includes('[LED] 3号窗口 测试'), 'the LED text');
    } finally {
      led.child.kill('SIGINT');
      await led.exited;
    }
  });

  it('prints a test page on the document printer run by `onewindow simulate document-printer`', async () => {
    const spoolDir = path.join(await tempDir(), 'spool');
    const printer = await startCli(['simulate', 'document-printer', '--spool', spoolDir], 0);
    try {
      await waitFor(() => printer.output().stdout.includes(`spool:${spoolDir}`), 'the spool folder');
      const config = path.join(await tempDir(), 'kiosk.json');
      await writeFile(
        config,
        JSON.stringify({
          terminalId: 'K-07',
          hallId: 'h',
          role: 'kiosk',
          upstream: 'embedded',
          devices: { documentPrinter: { port: `spool:${spoolDir}` } },
        }),
      );
      const tested = await runCli(['devices', 'test', 'documentPrinter', '--config', config]);
      expect(tested.stdout).toContain('test: passed: printed a test page (job Simulated_A4-1)');
      await waitFor(() => printer.output().stdout.includes('[job Simulated_A4-1] OneWindow test page (completed)'), 'the job');
    } finally {
      printer.child.kill('SIGINT');
      await printer.exited;
    }
  });

  it('fails a test plainly when the device is not there', async () => {
    const config = path.join(await tempDir(), 'kiosk.json');
    await writeFile(
      config,
      JSON.stringify({
        terminalId: 'K-07',
        hallId: 'h',
        role: 'kiosk',
        upstream: 'embedded',
        devices: { receiptPrinter: { port: 'tcp://127.0.0.1:9' } },
      }),
    );
    const tested = await runCli(['devices', 'test', 'receiptPrinter', '--config', config]);
    expect(tested.code).toBe(1);
    expect(tested.stderr).toContain('cannot reach 127.0.0.1:9');
    expect((await runCli(['devices', 'test', 'toaster'])).code).toBe(2);
  });
});
