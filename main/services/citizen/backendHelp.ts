import type { CitizenCatalog } from '../../contract/citizenCatalog.js';
import type { BackendId } from '../../contract/citizenServices.js';

/** What the citizen is told when a back end does not answer: which system, and which window helps instead. */
export function backendHelp(catalog: CitizenCatalog, backend: BackendId): Record<string, string | number> {
  const entry = catalog.backends[backend]!;
  return { system_zh: entry.name['zh-CN'], system_en: entry.name.en, window: entry.helpWindow };
}
