import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { HallClient } from '../../../main/sync/hallClient.js';
import { LiveChannel } from '../../../main/sync/liveChannel.js';
import { recordingLogger } from '../../support/silentLogger.js';

describe('live channel heartbeat', () => {
  it('drops a connection whose hall stopped answering pings, and connects again', async () => {
    // A "hall" that accepts the socket but never answers a ping, like one whose power went.
    const silent = new WebSocketServer({ host: '127.0.0.1', port: 0, autoPong: false });
    await new Promise((resolve) => silent.once('listening', resolve));
    let connections = 0;
    silent.on('connection', () => (connections += 1));
    const hallUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    let connected = 0;
    const live = new LiveChannel({
      client: new HallClient({ hallUrl, terminalId: 'K-01', secret: 's'.repeat(43) }),
      logger: recordingLogger().logger,
      heartbeatMs: 100,
      onConnected: () => (connected += 1),
      onChanged: () => undefined,
    });
    live.start();
    try {
      await expect.poll(() => connections, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(connected).toBeGreaterThanOrEqual(2);
    } finally {
      live.stop();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
