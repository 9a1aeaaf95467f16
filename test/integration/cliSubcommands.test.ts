import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cliProcess.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();

describe('onewindow refuses an unknown command or subcommand, listing the ones it has', () => {
  it('names the commands for an unknown command', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'unknown command "frobnicate"; the commands are: serve, start, demo, config, hall, centre, enroll, devices, idcard, simulate, certificate, audit',
    );
  });

  it('names the subcommands of each command that has them, before any option is looked at', async () => {
    const db = path.join(await tempDir(), 'hall.db');
    const cases: [string[], string][] = [
      [
        ['hall', 'terminal', '--db', db],
        'onewindow hall: unknown subcommand "terminal"; the subcommands are: tls-cert, enroll-code, setup-pin, staff, revoke, catalogue, config, terminals, slot, command',
      ],
      [
        ['hall', 'terminal'],
        'onewindow hall: unknown subcommand "terminal"; the subcommands are: tls-cert, enroll-code, setup-pin, staff, revoke, catalogue, config, terminals, slot, command',
      ],
      [['hall', 'catalogue', 'list', '--db', db], 'onewindow hall catalogue: unknown subcommand "list"; the subcommands are: publish'],
      [['hall', 'config', 'get', '--db', db], 'onewindow hall config: unknown subcommand "get"; the subcommands are: set'],
      [
        ['hall', 'slot', 'swap', '--db', db],
        'onewindow hall slot: unknown subcommand "swap"; the subcommands are: create, set, list, replace',
      ],
      [
        [
          'hall',
          'slot',
          'replace',
          '--db',
          path.join(await tempDir(), 'hall.db'),
          '--terminal',
          'K-77',
          '--public-url',
          'http://127.0.0.1:9',
        ],
        'onewindow hall: terminalId: no enrolled terminal "K-77" to replace: create its slot instead',
      ],
      [['devices', 'probe'], 'onewindow devices: unknown subcommand "probe"; the subcommands are: list, test'],
      [['devices'], 'onewindow devices: expected a subcommand: list, test'],
      [
        ['simulate', 'toaster'],
        'onewindow simulate: unknown subcommand "toaster"; the subcommands are: idcard, receipt-printer, led, document-printer',
      ],
      [['config', 'check', 'x.json'], 'onewindow config: unknown subcommand "check"; the subcommands are: validate, schema'],
      [
        ['certificate', 'check', 'x.pdf', '--hall', 'http://127.0.0.1:9'],
        'onewindow certificate: unknown subcommand "check"; the subcommands are: verify',
      ],
      [['audit', 'check', '--config', 'x.json'], 'onewindow audit: unknown subcommand "check"; the subcommands are: verify'],
      [['idcard', 'write'], 'onewindow idcard: unknown subcommand "write"; the subcommands are: read'],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    cases.forEach(([args, message], index) => {
      expect(results[index]!.code, args.join(' ')).toBe(2);
      expect(results[index]!.stderr, args.join(' ')).toContain(message);
    });
  }, 180_000);
});
