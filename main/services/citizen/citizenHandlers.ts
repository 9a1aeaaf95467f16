import type { CitizenCatalog } from '../../contract/citizenCatalog.js';
import { ServiceError } from '../../contract/errors.js';
import type { RpcHandlers } from '../../contract/rpc.js';
import type { HallClient } from '../../sync/hallClient.js';
import type { LookupDesk } from '../lookups/lookupDesk.js';
import { fromHall } from '../hallAnswer.js';
import type { CitizenSession } from './citizenSession.js';

type CitizenMethods =
  | 'citizen.readCard'
  | 'citizen.end'
  | 'citizen.stillHere'
  | 'citizen.elderMode'
  | 'citizen.scanEid'
  | 'citizen.consent'
  | 'citizen.current'
  | 'citizenServices.menu';

export interface CitizenParts {
  citizen: CitizenSession;
  catalog: () => CitizenCatalog;
  client: HallClient | null;
  lookups: LookupDesk;
}

/** An e-ID code as phones show it ("OWEID:…"), or the bare token. */
function eidToken(code: string): string {
  return code.trim().replace(/^OWEID:/i, '');
}

export function citizenHandlers({ citizen, catalog, client, lookups }: CitizenParts): Pick<RpcHandlers, CitizenMethods> {
  return {
    'citizen.readCard': async ({ waitSeconds }) => {
      const read = await citizen.readCard(waitSeconds * 1000);
      if (read) lookups.forget();
      return { citizen: read };
    },
    'citizen.end': async () => {
      citizen.end();
      lookups.forget();
      return {};
    },
    // The touch itself is made around every session call (withSessionActivity); this one only asks how long is left.
    'citizen.stillHere': async () => ({ secondsLeft: citizen.secondsLeft() }),
    'citizen.elderMode': async ({ on }) => {
      citizen.setIdleFactor(on ? 2 : 1);
      return {};
    },
    'citizen.scanEid': async ({ code }) => {
      if (!client) throw new ServiceError('unavailable', 'this kiosk is not enrolled with a hall server');
      const identity = await client.identifyEid(eidToken(code)).catch((error: unknown) => {
        throw fromHall(error);
      });
      lookups.forget();
      return { citizen: await citizen.identifiedByEid(identity) };
    },
    'citizen.consent': async () => ({ citizen: citizen.consent() }),
    'citizen.current': async () => ({ citizen: citizen.summary() }),
    'citizenServices.menu': async () => {
      const { certificates, lookups } = catalog();
      return {
        certificates: certificates.map(({ type, title }) => ({ type, title })),
        lookups: lookups.map(({ id, name, description, byYear, action, group }) => ({
          id,
          name,
          description,
          byYear,
          action,
          group,
        })),
      };
    },
  };
}
