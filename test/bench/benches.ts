// Every bench of `npm run bench`, by name, in the order the run takes them.
export const benches = {
  bridgeRoundTrip: async () => (await import('./bridgeRoundTrip.js')).benchBridgeRoundTrip(),
  storeWrites: async () => (await import('./storeWrites.js')).benchStoreWrites(),
  idCardRead: async () => (await import('./idCardRead.js')).benchIdCardRead(),
  receiptTickets: async () => (await import('./receiptTickets.js')).benchReceiptTickets(),
  pushThroughput: async () => (await import('./pushThroughput.js')).benchPushThroughput(),
  pullCatalogue: async () => (await import('./pullCatalogue.js')).benchPullCatalogue(),
  signedRoundTrip: async () => (await import('./signedRoundTrip.js')).benchSignedRoundTrip(),
  liveFanOut: async () => (await import('./liveFanOut.js')).benchLiveFanOut(),
  boardRead: async () => (await import('./boardRead.js')).benchBoardRead(),
  queueLatency: async () => (await import('./queueLatency.js')).benchQueueLatency(),
  certificateRender: async () => (await import('./certificateRender.js')).benchCertificateRender(),
  catalogueSearch: async () => (await import('./catalogueSearch.js')).benchCatalogueSearch(),
  heartbeats: async () => (await import('./heartbeatCost.js')).benchHeartbeats(),
  figuresVolume: async () => (await import('./figuresVolume.js')).benchFiguresVolume(),
  centreVolume: async () => (await import('./centreVolume.js')).benchCentreVolume(),
} satisfies Record<string, () => Promise<void>>;

export type BenchName = keyof typeof benches;

export const isBenchName = (name: string): name is BenchName => Object.hasOwn(benches, name);
