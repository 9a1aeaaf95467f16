import { UsageError } from './usageError.js';

/** The subcommand `command` was given, checked before any option is: an unknown one is refused with the list of those it has. */
export function subcommandOf<const S extends string>(command: string, given: string | undefined, known: readonly S[]): S {
  if (given !== undefined && (known as readonly string[]).includes(given)) return given as S;
  const list = known.join(', ');
  throw new UsageError(
    given === undefined ? `expected a subcommand: ${list}` : `unknown subcommand "${given}"; the subcommands are: ${list}`,
    command,
  );
}
