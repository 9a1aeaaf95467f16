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
