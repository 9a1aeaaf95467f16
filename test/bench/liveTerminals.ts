// A process of extra terminals for the call → board bench (forked with tsx): each keeps the queue's cursor on
// the live channel as a real one does. Told its identities by message; answers 'ready' once all pulled.
import { HallClient, type TerminalIdentity } from '../../main/sync/hallClient.js';
import { LiveChannel } from '../../main/sync/liveChannel.js';
import { recordingLogger } from '../support/silentLogger.js';

/**
 * Terminals on the live channel keeping the queue's cursor: changes delivered with the announcement are taken
 * as they come, anything else is pulled. Resolves once each has connected and pulled.
 */
export async function connectLiveTerminals(identities: readonly TerminalIdentity[]): Promise<LiveChannel[]> {
  const { logger } = recordingLogger();
  return Promise.all(
    identities.map(
      (identity) =>
        new Promise<LiveChannel>((resolve) => {
          const client = new HallClient(identity);
          let cursor = 0;
          let pulling = Promise.resolve();
          const pull = () => {
            pulling = pulling
              .then(async () => {
                for (;;) {
                  const page = await client.changes('queue', cursor);
                  cursor = page.cursor;
                  if (!page.more) return;
                }
              })
              .catch(() => undefined);
            return pulling;
          };
          const channel = new LiveChannel({
            client,
            logger,
            onConnected: () => void pull().then(() => resolve(channel)),
            onChanged: (scope, delivery) => {
              if (scope !== 'queue') return;
              if (delivery && delivery.previous === cursor && cursor > 0) cursor = delivery.items.at(-1)?.seq ?? cursor;
              else void pull();
            },
          });
          channel.start();
        }),
    ),
  );
}

if (process.send) {
  process.once('message', (identities: TerminalIdentity[]) => {
    void connectLiveTerminals(identities).then((channels) => {
      process.send!('ready');
      process.once('message', () => {
        for (const channel of channels) channel.stop();
        process.exit(0);
      });
    });
  });
}
