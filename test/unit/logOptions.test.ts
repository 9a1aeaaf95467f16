import { describe, expect, it } from 'vitest';
import { takeLogOptions } from '../../main/cli/logOptions.js';

describe('the log options of every command', () => {
  it('are taken from anywhere in the command line, leaving the command its own', () => {
    expect(takeLogOptions(['serve', '--config', 'k.json', '--log-file', '/var/log/k.log', '--log-size=500K', '--log-keep', '3'])).toEqual({
      args: ['serve', '--config', 'k.json'],
      logFile: { file: '/var/log/k.log', maxBytes: 500 * 1024, keep: 3 },
    });
    expect(takeLogOptions(['--log-file=/tmp/h.log', 'hall', '--db', 'h.db'])).toEqual({
      args: ['hall', '--db', 'h.db'],
      logFile: { file: '/tmp/h.log', maxBytes: 10 * 1024 * 1024, keep: 5 },
    });
    expect(takeLogOptions(['serve', '--config', 'k.json'])).toEqual({ args: ['serve', '--config', 'k.json'], logFile: null });
  });

  it('name what is wrong', () => {
    expect(() => takeLogOptions(['serve', '--log-size', '10M'])).toThrow('--log-size: only with --log-file FILE');
    expect(() => takeLogOptions(['serve', '--log-file'])).toThrow('--log-file: expected a value');
    expect(() => takeLogOptions(['serve', '--log-file', 'x.log', '--log-size', 'big'])).toThrow(
      '--log-size: expected a size of 1K or more such as 500K or 10M, got "big"',
    );
    expect(() => takeLogOptions(['serve', '--log-file', 'x.log', '--log-keep', '0'])).toThrow(
      '--log-keep: expected a number from 1 to 100',
    );
  });
});
