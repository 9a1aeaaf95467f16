import { z } from 'zod';
import type { RpcEventName, RpcMethodName } from './rpc.js';
import type { TerminalRole } from './terminal.js';

/**
 * What a screen may do. The terminal's own screen has its terminal's role and
 * may open setup (behind the PIN); a screen reached over the network (a hall
 * TV) is a display and nothing more.
 */
export const screenRoleSchema = z.enum(['kiosk', 'counter', 'display', 'setup']);
export type ScreenRole = z.infer<typeof screenRoleSchema>;

const everyScreen = ['kiosk', 'counter', 'display', 'setup'] as const;

/** The screens that may call each method. Typed over every method, so a new one cannot be left out. */
export const methodScreens: { readonly [M in RpcMethodName]: readonly ScreenRole[] } = {
  'terminal.info': everyScreen,
  'status.get': everyScreen,
  'status.availability': ['kiosk'],
  'catalogue.categories': ['kiosk'],
  'setup.unlock': ['setup'],
  'catalogue.reload': ['setup'],
  'devices.test': ['setup'],
  'queue.overview': ['kiosk'],
  'queue.takeTicket': ['kiosk'],
  'queue.remindByPhone': ['kiosk'],
  'queue.board': ['display'],
  'counter.state': ['counter'],
  'counter.act': ['counter'],
  'citizen.readCard': ['kiosk', 'counter'],
  'citizen.scanEid': ['kiosk'],
  'citizen.consent': ['kiosk'],
  'citizen.current': ['kiosk'],
  'citizenServices.menu': ['kiosk'],
  'certificates.print': ['kiosk'],
  'lookups.run': ['kiosk'],
  'lookups.print': ['kiosk'],
  'appointments.services': ['kiosk'],
  'appointments.slots': ['kiosk'],
  'appointments.book': ['kiosk'],
  'appointments.mine': ['kiosk'],
  'appointments.cancel': ['kiosk'],
  'appointments.reschedule': ['kiosk'],
  'appointments.today': ['counter'],
  'appointments.checkIn': ['kiosk'],
  'catalogue.browse': ['kiosk'],
  'catalogue.search': ['kiosk'],
  'catalogue.item': ['kiosk'],
  'catalogue.printGuide': ['kiosk'],
  'convenience.options': ['kiosk'],
  'convenience.submit': ['kiosk'],
  'convenience.progress': ['kiosk'],
  'citizen.end': ['kiosk', 'counter'],
  'citizen.stillHere': ['kiosk', 'counter'],
  'citizen.elderMode': ['kiosk'],
  'evaluation.pending': ['counter'],
  'evaluation.submit': ['counter'],
  'voice.synthesize': ['display', 'kiosk'],
  'setup.pairingCode': ['setup'],
  'terminal.screenShown': everyScreen,
  'help.call': ['kiosk'],
  'help.mine': ['kiosk'],
  'help.close': ['kiosk'],
  'help.calls': ['counter'],
  'help.acknowledge': ['counter'],
  'devices.report': ['setup'],
  'wizard.state': ['setup'],
  'wizard.join': ['setup'],
  'wizard.discover': ['setup'],
  'wizard.test': ['setup'],
  'wizard.finish': ['setup'],
};

/** The screens that hear each event: a hall TV is not told what a scanner read or how a citizen's certificate goes. */
export const eventScreens: { readonly [E in RpcEventName]: readonly ScreenRole[] } = {
  'status.changed': everyScreen,
  'terminal.changed': everyScreen,
  'scanner.scanned': ['kiosk', 'counter', 'setup'],
  'catalogue.changed': ['kiosk', 'setup'],
  'queue.changed': ['kiosk', 'counter', 'display'],
  'citizen.ended': ['kiosk', 'counter'],
  'citizen.idle': ['kiosk', 'counter'],
  'certificate.progress': ['kiosk'],
  'evaluation.requested': ['counter'],
  'help.changed': ['kiosk', 'counter'],
  'hallServices.changed': ['kiosk', 'counter'],
};

/** The roles of a screen: the terminal's own (on this machine) may do its role's work and open setup; one over the network only displays. */
export function screenRolesFor(terminalRole: TerminalRole, overNetwork: boolean): readonly ScreenRole[] {
  return overNetwork ? ['display'] : [terminalRole, 'setup'];
}

export function mayCall(roles: readonly ScreenRole[], method: RpcMethodName): boolean {
  return methodScreens[method].some((role) => roles.includes(role));
}

export function mayHear(roles: readonly ScreenRole[], event: RpcEventName): boolean {
  return eventScreens[event].some((role) => roles.includes(role));
}
