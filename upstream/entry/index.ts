/**
 * The hall server as the rest of the product sees it: the `onewindow hall`
 * command and the embedded demo hall import this (and `server.ts`) and nothing
 * else of upstream/, so the hall's insides can change without reaching the terminal.
 */
export type { HallServerOptions } from '../http/createHallServer.js';
export { openHallDatabase } from '../storage/openHallDatabase.js';
export { TerminalRegistry } from '../identity/terminalRegistry.js';
export { ChangeLog } from '../sync/changeLog.js';
export { DemoBackends } from '../citizen/demoBackends.js';
export { fingerprintOf, makeHallCertificate } from '../http/hallCertificate.js';
export { StaffAccounts } from '../identity/staffAccounts.js';
export { staffRoleSchema, type StaffRole } from '../identity/staffRoles.js';
export { staffUsernameSchema } from '../http/staffRoutes.js';
export { loadBackends } from '../citizen/loadBackends.js';
export { BackendsConfigError } from '../citizen/loadBackends.js';
export { terminalsOverview } from '../health/terminalOverview.js';
export { TerminalSlots, SlotRefusal } from '../terminals/terminalSlots.js';
export { SlotReplacement } from '../terminals/slotReplacement.js';
export { replacementLines } from '../terminals/replacementLines.js';
export { CareCommands } from '../remoteCare/careCommands.js';
export { openCentreDatabase } from '../centre/openCentreDatabase.js';
export { CentreHalls, centreKeyFile } from '../centre/centreHalls.js';
export { hallIdSchema } from '../centre/centreProtocol.js';
export { linkCentre } from '../centreLink/centreLink.js';
export { SecretBox } from '../identity/secretBox.js';
export { hallKeyFiles } from '../storage/hallKeyFiles.js';
