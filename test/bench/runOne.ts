// One bench in a process of its own: `node --import tsx test/bench/runOne.ts NAME` (run.ts starts it).
import { benches, isBenchName } from './benches.js';

const [name] = process.argv.slice(2);
if (name === undefined || !isBenchName(name))
  throw new Error(`unknown bench "${name}"; the benches are: ${Object.keys(benches).join(', ')}`);
await benches[name]();
