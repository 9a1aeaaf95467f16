import type { TerminalConfig } from './terminalConfigSchema.js';

/** A config may only enable services the catalogue has; the problems name the bad entries. */
export function servicesProblems(config: TerminalConfig, categoryIds: readonly string[]): string[] {
  const known = new Set(categoryIds);
  return config.services.flatMap((id, index) =>
    known.has(id) ? [] : [`services[${index}]: "${id}" is not a category of the catalogue (known: ${categoryIds.join(', ')})`],
  );
}
