// `npm run bench`: every figure is a ratio against a baseline measured in the
// same run on the same machine, so the numbers travel between machines.
import { benchBridgeRoundTrip } from './bridgeRoundTrip.js';
import { benchCertificateRender } from './certificateRender.js';
import { benchCatalogueSearch } from './catalogueSearch.js';
import { benchHeartbeats } from './heartbeatCost.js';
import { benchIdCardRead } from './idCardRead.js';
import { benchLiveFanOut } from './liveFanOut.js';
import { benchPullCatalogue } from './pullCatalogue.js';
import { benchPushThroughput } from './pushThroughput.js';
import { benchQueueLatency } from './queueLatency.js';
import { benchReceiptTickets } from './receiptTickets.js';
import { benchSignedRoundTrip } from './signedRoundTrip.js';
import { benchStoreWrites } from './storeWrites.js';
import { benchFiguresVolume } from './figuresVolume.js';
import { benchCentreVolume } from './centreVolume.js';
import { benchBoardRead } from './boardRead.js';
import { spawnSync } from 'node:child_process';

process.env.ONEWINDOW_LOG_LEVEL ??= 'silent';
await benchBridgeRoundTrip();
await benchStoreWrites();
await benchIdCardRead();
await benchReceiptTickets();
await benchPushThroughput();
await benchPullCatalogue();
await benchSignedRoundTrip();
await benchLiveFanOut();
await benchBoardRead();
await benchQueueLatency();
await benchCertificateRender();
await benchCatalogueSearch();
await benchHeartbeats();
await benchFiguresVolume();
await benchCentreVolume();

// Issue 16's two long runs at full size, where CI runs them smaller: the whole busiest day (1 450 tickets, on
// each backend the machine has), then 10 000 kiosk sessions. Each fails the bench when it fails.
for (const [command, args, env] of [
  ['npx', ['vitest', 'run', 'test/integration/hall/busiestDay.test.ts'], { ONEWINDOW_BUSY_DAY_TICKETS: '1450' }],
  ['npm', ['run', 'soak', '--', '--sessions', '10000'], {}],
] as const) {
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) process.exitCode = 1;
}
