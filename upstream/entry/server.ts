/**
 * The hall's HTTP server, apart from the rest of the entry: it loads every
 * route and its libraries, which the `hall` command's database-only
 * subcommands (enroll-code, slot, terminals…) should not wait for.
 */
export { createHallServer } from '../http/createHallServer.js';
