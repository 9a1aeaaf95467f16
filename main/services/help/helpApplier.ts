import { helpCallSchema, helpKey } from '../../contract/help.js';
import type { ScopeApplier } from '../../sync/puller.js';
import { HelpCallRepository } from './helpCallRepository.js';

/** Scope `help` into the terminal's copy: an open call is stored, a closed one (null) removed. */
export const helpApplier: ScopeApplier = async (tx, items, first) => {
  const calls = new HelpCallRepository(tx);
  if (first) await calls.clear();
  for (const item of items) {
    const id = item.key.slice(helpKey('').length);
    if (item.value === null) await calls.remove(id);
    else await calls.put(helpCallSchema.parse(item.value));
  }
};
