import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { syncPaths, type LiveMessage } from '../../../main/contract/syncProtocol.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { openHallDatabase } from '../../../upstream/storage/openHallDatabase.js';
import { ChangeLog } from '../../../upstream/sync/changeLog.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('the live channel notices another process’s change at once, on %s', (backend) => {
  it('a catalogue published through another connection reaches a live terminal long before the next poll', async () => {
    // The poll would not look again for a minute: only the notice (WAL watch on SQLite, NOTIFY on PostgreSQL) can tell.
    const hall = await startLoopbackHall(backend, { livePollMs: 60_000 });
    cleanups.push(() => hall.close());
    const client = new HallClient(await hall.enroll('D-01', { role: 'display' }));
    const socket = new WebSocket(`${hall.url.replace('http', 'ws')}${syncPaths.live}`, { headers: client.signedHeaders(syncPaths.live) });
    const messages: LiveMessage[] = [];
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as LiveMessage));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    cleanups.push(async () => void socket.terminate());

    // As `onewindow hall catalogue publish` would: its own process, its own connection to the hall's database.
    const other = await openHallDatabase(hall.location);
    cleanups.push(() => other.close());
    await new ChangeLog(other).publish('catalogue', new Map([['x', { name: 'published elsewhere' }]]));
    await expect.poll(() => messages.filter((message) => message.scope === 'catalogue'), { timeout: 5_000 }).toHaveLength(1);
  });
});
