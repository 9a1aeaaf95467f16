// `lp -d QUEUE -t TITLE [-o ...] -` against the spool folder: reads the document from stdin.
import { parseArgs } from 'node:util';
import { SpoolFolder, spoolDirFromEnv } from './spoolFolder.js';

const { values } = parseArgs({
  options: { d: { type: 'string' }, t: { type: 'string' }, o: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const spool = new SpoolFolder(spoolDirFromEnv());
const queue = await spool.queueName();
if (values.d !== queue) {
  console.error(`lp: The printer or class does not exist.`);
  process.exit(1);
}
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const id = await spool.submit(Buffer.concat(chunks), values.t ?? '(stdin)');
console.log(`request id is ${id} (1 file(s))`);
