import type { RpcHandlers } from '../../contract/rpc.js';
import type { SyncedScope } from '../../sync/terminalSync.js';
import type { HostParts } from '../hostParts.js';
import { only } from '../queue/onlyOnRole.js';
import { helpApplier } from './helpApplier.js';
import { HelpCalls } from './helpCalls.js';

type HelpMethods = 'help.call' | 'help.mine' | 'help.close' | 'help.calls' | 'help.acknowledge';

export interface HelpSlice {
  handlers: Pick<RpcHandlers, HelpMethods>;
  scope: SyncedScope;
}

/**
 * Calling a person: the kiosk's call and what became of it, the counter's list
 * and acknowledgement. Every change of scope `help` reaches the screens as
 * help.changed; a kiosk's call closes when the host ends its idle session.
 */
export function createHelpSlice({ db, config, sync, events, logger }: HostParts): HelpSlice {
  const changed = () => events.emit('help.changed', {});
  const help = new HelpCalls({ db, client: sync.client, terminalId: config.terminalId, logger, onChanged: changed });
  const kiosk = config.role === 'kiosk' ? help : null;
  const counter = config.role === 'counter' ? help : null;
  if (kiosk) {
    events.subscribe((event, payload) => {
      if (event === 'citizen.ended' && (payload as { reason: string }).reason === 'idle')
        kiosk
          .close()
          .catch((error: unknown) => logger.warn({ err: error }, 'the idle session ended but its help call could not be closed'));
    });
  }
  return {
    handlers: {
      'help.call': ({ screen }) => only(kiosk, 'kiosk', 'help.call').call(screen),
      'help.mine': () => only(kiosk, 'kiosk', 'help.mine').mine(),
      'help.close': async () => {
        await only(kiosk, 'kiosk', 'help.close').close();
        return {};
      },
      'help.calls': async () => ({ calls: await only(counter, 'counter', 'help.calls').open() }),
      'help.acknowledge': async ({ id }) => ({ calls: await only(counter, 'counter', 'help.acknowledge').acknowledge(id) }),
    },
    scope: { apply: helpApplier, onPulled: changed },
  };
}
