import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cliProcess.js';

/** `onewindow simulate idcard` in one process, `onewindow idcard read` in another, joined by socat's pseudo-terminals. */
async function simulatedReader(card = 'resident') {
  const simulator = await startCli(['simulate', 'idcard', '--pty', '--card', card], 0, {});
  await new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    const check = () => {
      if (/connect to (\S+)/.test(simulator.output().stdout)) resolve();
      else if (Date.now() > deadline) reject(new Error(`simulator printed no path: ${JSON.stringify(simulator.output())}`));
      else setTimeout(check, 50);
    };
    check();
  });
  const path = /connect to (\S+)/.exec(simulator.output().stdout)![1]!;
  return {
    path,
    stop: async () => {
      simulator.child.kill('SIGINT');
      expect(await simulator.exited).toBe(0);
    },
  };
}

describe('onewindow idcard read against onewindow simulate idcard', () => {
  it('prints the card with the ID number masked, and unmasked only when asked', async () => {
    const reader = await simulatedReader();
    try {
      const masked = await runCli(['idcard', 'read', '--port', reader.path]);
      expect(masked.code).toBe(0);
      expect(masked.stdout).toContain('姓名 Name: 王小明');
      expect(masked.stdout).toContain('证件号码 Number: 110***********002X (check digit OK)');
      expect(masked.stdout).not.toContain('11010519491231002X');
      expect(masked.stdout).toContain('有效期限 Valid: 2015-06-01 – 长期 long-term');

      const json = await runCli(['idcard', 'read', '--port', reader.path, '--json', '--unmasked']);
      expect(JSON.parse(json.stdout)).toMatchObject({
        type: 'resident',
        idNumber: '11010519491231002X',
        idNumberValid: true,
        photoBytes: 1024,
      });
    } finally {
      await reader.stop();
    }
  });

  it('says plainly when there is no card, and when it cannot open the port', async () => {
    const reader = await simulatedReader('none');
    try {
      const empty = await runCli(['idcard', 'read', '--port', reader.path]);
      expect(empty.code).toBe(1);
      expect(empty.stderr).toContain('No card on the reader');
    } finally {
      await reader.stop();
    }
    const missing = await runCli(['idcard', 'read', '--port', '/dev/does-not-exist']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot open \/dev\/does-not-exist/);
  });

  it('refuses wrong usage with exit code 2', async () => {
    expect((await runCli(['idcard', 'read'])).stderr).toContain('give exactly one of --port PATH or --hid VID:PID');
    expect((await runCli(['idcard', 'read', '--hid', 'zz'])).code).toBe(2);
    expect((await runCli(['simulate', 'toaster'])).code).toBe(2);
  });
});
