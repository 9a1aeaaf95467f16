// `lpstat -l -p QUEUE` and `lpstat -W completed|not-completed -o QUEUE` against the spool folder, in CUPS's words.
import { SpoolFolder, spoolDirFromEnv } from './spoolFolder.js';

const args = process.argv.slice(2);
const spool = new SpoolFolder(spoolDirFromEnv());
const queue = await spool.queueName();
const date = 'Tue 25 Nov 2026 09:00:00 AM UTC';

if (args.includes('-p')) {
  const state = await spool.state();
  console.log(`printer ${queue} is idle.  ${state.enabled ? 'enabled' : 'disabled'} since ${date}`);
  console.log('\tForm mounted:');
  console.log('\tContent types: any');
  console.log(`\tAlerts: ${state.reasons.length > 0 ? state.reasons.join(' ') : 'none'}`);
} else if (args.includes('-o')) {
  const which = args[args.indexOf('-W') + 1] ?? 'not-completed';
  for (const job of await spool.jobs()) {
    const done = job.state === 'completed';
    if ((which === 'completed') === done) console.log(`${job.id.padEnd(20)} onewindow         1024   ${date}`);
  }
}
