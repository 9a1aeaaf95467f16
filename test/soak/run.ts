// `npm run soak -- --sessions N [--every K]`: kiosk sessions through the bridge, watching for growth.
import { parseArgs } from 'node:util';
import { soakKioskSessions, type SoakSample } from './kioskSessions.js';
import { growthProblems, soakLimits } from './soakLimits.js';

process.env.ONEWINDOW_LOG_LEVEL ??= 'silent';
const { values } = parseArgs({ options: { sessions: { type: 'string', default: '10000' }, every: { type: 'string', default: '1000' } } });
const sessions = Number(values.sessions);
const every = Math.min(Number(values.every), sessions);
if (!Number.isInteger(sessions) || sessions < 2 || !Number.isInteger(every) || every < 1) {
  console.error('--sessions must be a whole number of at least 2 and --every a whole number of at least 1');
  process.exit(2);
}
if (!(globalThis as { gc?: unknown }).gc)
  console.log('note: run with node --expose-gc (npm run soak does) for heap figures after a full collection');

const samples: SoakSample[] = [];
const started = Date.now();
await soakKioskSessions(sessions, every, (sample) => {
  samples.push(sample);
  console.log(
    `sessions ${String(sample.sessions).padStart(6)}: heap ${sample.heapMb.toFixed(1)} MB, RSS ${sample.rssMb.toFixed(1)} MB ` +
      `(anonymous ${sample.rssParts.anonMb.toFixed(1)}, files ${sample.rssParts.fileMb.toFixed(1)}, shared ${sample.rssParts.shmemMb.toFixed(1)}; ` +
      `outside the heap ${sample.rssParts.externalMb.toFixed(1)}), ` +
      `open files ${sample.openFiles}, sockets ${sample.sockets}, event-hub subscribers ${sample.hubSubscribers}, ` +
      `database ${(sample.databaseBytes / 1024).toFixed(0)} KiB; hall process heap ${sample.hall.heapMb.toFixed(1)} MB, RSS ${sample.hall.rssMb.toFixed(1)} MB`,
  );
});
console.log(`${sessions} sessions in ${((Date.now() - started) / 1000).toFixed(1)} s; limits ${JSON.stringify(soakLimits)}`);
const problems = growthProblems(samples);
for (const problem of problems) console.error(`GROWTH: ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
