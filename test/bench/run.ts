// `npm run bench`: every figure is a ratio against a baseline measured in the
// same run on the same machine, so the numbers travel between machines.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { benches, isBenchName } from './benches.js';

// `npm run bench -- NAME…` runs those benches only (and not the two long runs below).
const named = process.argv.slice(2);
const unknown = named.filter((name) => !isBenchName(name));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.map((name) => `"${name}"`).join(', ')}; the benches are: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}

process.env.ONEWINDOW_LOG_LEVEL ??= 'silent';
// Each bench in a fresh process, as each program runs in a hall: no bench measures the heap, timers or
// connections an earlier one left behind.
for (const name of named.length > 0 ? named : Object.keys(benches)) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'runOne.ts'), name], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`bench ${name} failed (exit ${run.status ?? run.signal})`);
    process.exitCode = 1;
  }
}
// Issue 16's two long runs at full size, where CI runs them smaller: the whole busiest day (1 450 tickets, on
// each backend the machine has), then 10 000 kiosk sessions. Each fails the bench when it fails.
const longRuns = [
  ['npx', ['vitest', 'run', 'test/integration/hall/busiestDay.test.ts'], { ONEWINDOW_BUSY_DAY_TICKETS: '1450' }],
  ['npm', ['run', 'soak', '--', '--sessions', '10000'], {}],
] as const;
for (const [command, args, env] of named.length > 0 ? [] : longRuns) {
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) process.exitCode = 1;
}
